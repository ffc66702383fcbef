package io.loyaltypulse.survey.query;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.support.streams.InteractiveQueries;
import io.loyaltypulse.survey.SurveyEndpoints;
import io.loyaltypulse.survey.config.NpsProperties;
import io.loyaltypulse.survey.engine.NpsDriver;
import io.loyaltypulse.survey.engine.NpsTopology;
import io.loyaltypulse.testsupport.TestApiKeys;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.loyaltypulse.survey.Answers.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

/**
 * The NPS API against a straightforward, independent computation ({@link ReferenceNps})
 * from the raw answers: random populations of n = 0, 1, 4, 5, 29, 30, 31, 100 and 257,
 * all-promoter and all-detractor ones, each a store, with skipped questions and answers
 * outside the period; the answers go through the real topology
 * ({@code TopologyTestDriver}) and the API reads its slice-day store, as interactive
 * queries give it.
 */
@WebMvcTest(controllers = NpsController.class)
@Import({ SurveyEndpoints.class, NpsReports.class, SliceDays.class, NpsApiTest.FixedClock.class })
@EnableConfigurationProperties(NpsProperties.class)
@TestPropertySource(properties = { "loyalty.security.api-keys[0].name=dashboard",
		"loyalty.security.api-keys[0].sha256=" + TestApiKeys.ALL_SCOPES_SHA256,
		"loyalty.security.api-keys[0].scopes=nps:read", "loyalty.security.api-keys[1].name=survey-tool",
		"loyalty.security.api-keys[1].sha256=" + TestApiKeys.INVOICES_ONLY_SHA256,
		"loyalty.security.api-keys[1].scopes=surveys:write", "loyalty.nps.slices=store+touchpoint" })
class NpsApiTest {

	static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

	static final LocalDate FROM = LocalDate.parse("2026-09-01");

	static final LocalDate TO = LocalDate.parse("2026-11-20");

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	InteractiveQueries queries;

	@TempDir
	Path stateDir;

	NpsDriver nps;

	Random random;

	/** The scores given in the period, by store; null for a skipped question. */
	final Map<String, List<Integer>> answersByStore = new LinkedHashMap<>();

	/** Every score given in the period, null for a skipped question. */
	final List<Integer> inPeriod = new ArrayList<>();

	@BeforeEach
	void startTheEngine() {
		this.nps = new NpsDriver(NpsTopology.StateStores.IN_MEMORY, this.stateDir, "store+touchpoint");
		given(this.queries.localStore(eq(NpsTopology.SLICE_DAYS_STORE), anyString(), any(QueryableStoreType.class)))
			.willAnswer((invocation) -> this.nps.store());
		given(this.queries.localStore(eq(NpsTopology.SLICE_DAYS_STORE), any(QueryableStoreType.class)))
			.willAnswer((invocation) -> this.nps.store());
		given(this.queries.forwardIfRemote(anyString(), anyString(), any())).willReturn(Optional.empty());
		given(this.queries.self()).willReturn("127.0.0.1:8083");
	}

	@AfterEach
	void stopTheEngine() {
		this.nps.close();
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1120, 2026, 7 })
	void shouldAnswerWhatAStraightforwardComputationFromTheRawAnswersGives(long seed) throws Exception {
		this.random = new Random(seed);
		Map<String, Integer> sizes = new LinkedHashMap<>();
		for (int n : new int[] { 0, 1, 4, 5, 29, 30, 31, 100, 257 }) {
			sizes.put("P" + n, n);
			answer("P" + n, n, this.random.nextDouble(), this.random.nextDouble());
		}
		answer("PROMOTERS40", 40, 1.0, 0.0);
		answer("DETRACTORS40", 40, 0.0, 1.0);
		answer("PROMOTERS6", 6, 1.0, 0.0);
		answer("DETRACTORS12", 12, 0.0, 1.0);
		outsideThePeriod("P100", 25);

		double z = ReferenceNps.z(0.95);
		assertThat(z).isEqualTo(1.96);
		for (Map.Entry<String, List<Integer>> store : this.answersByStore.entrySet()) {
			JsonNode answer = get("/api/v1/nps?store=" + store.getKey() + "&from=" + FROM + "&to=" + TO);
			assertThat(answer.get("slice").asString()).isEqualTo("store=" + store.getKey());
			assertMatches(store.getKey(), answer, ReferenceNps.of(store.getValue(), z));
		}
		assertMatches("all at 0.90", get("/api/v1/nps?window=81d&confidence=0.90"),
				ReferenceNps.of(this.inPeriod, ReferenceNps.z(0.90)));
		assertTrend("P257", z);
		assertBreakdown(z);
	}

	@Test
	void shouldNameEveryOffendingParameterAtOnce() throws Exception {
		JsonNode problem = refused(
				"/api/v1/nps?from=2026-11-20&window=7d&colour=red&confidence=2&store=&survey=Q1" + "&survey=Q2");

		assertThat(problem.get("type").asString()).isEqualTo("https://loyaltypulse.io/problems/invalid");
		assertThat(parameters(problem)).containsOnlyKeys("colour", "window", "to", "confidence", "store", "survey")
			.hasEntrySatisfying("colour", (detail) -> assertThat(detail).contains("not a parameter"))
			.hasEntrySatisfying("window", (detail) -> assertThat(detail).contains("from/to"))
			.hasEntrySatisfying("to", (detail) -> assertThat(detail).contains("required"))
			.hasEntrySatisfying("survey", (detail) -> assertThat(detail).contains("2 times"));
	}

	@Test
	void shouldRefusePeriodsThatEndBeforeTheyStartOrSpanTooLongAndMalformedWindowsAndDates() throws Exception {
		assertThat(parameters(refused("/api/v1/nps?from=2026-11-20&to=2026-11-19"))).containsOnlyKeys("to");
		assertThat(parameters(refused("/api/v1/nps?from=2016-01-01&to=2026-11-19"))).containsOnlyKeys("to");
		assertThat(parameters(refused("/api/v1/nps?window=30"))).containsOnlyKeys("window");
		assertThat(parameters(refused("/api/v1/nps?window=7d&asOf=20.11.2026"))).containsOnlyKeys("asOf");
		assertThat(parameters(refused("/api/v1/nps/trend?granularity=year"))).containsOnlyKeys("granularity");
	}

	@Test
	void shouldRefuseFiltersThatAreNotCountedTogether() throws Exception {
		Map<String, String> errors = parameters(refused("/api/v1/nps?store=S1&channel=WEB"));

		assertThat(errors).containsOnlyKeys("store", "channel");
		assertThat(errors.get("store")).contains("loyalty.nps.slices", "store+touchpoint");
		assertThat(parameters(refused("/api/v1/nps/breakdown?dimension=store&channel=WEB"))).containsOnlyKeys("channel",
				"dimension");
	}

	@Test
	void shouldRefuseABreakdownWithoutADimensionOrByAFilteredOne() throws Exception {
		assertThat(parameters(refused("/api/v1/nps/breakdown"))).containsOnlyKeys("dimension");
		assertThat(parameters(refused("/api/v1/nps/breakdown?dimension=store&store=S1"))).containsOnlyKeys("dimension");
		assertThat(parameters(refused("/api/v1/nps/breakdown?dimension=shop"))).containsOnlyKeys("dimension");
	}

	@Test
	void shouldNeedTheScopeNpsRead() {
		assertThat(this.mvc.get().uri("/api/v1/nps").exchange()).hasStatus(401);
		assertThat(this.mvc.get().uri("/api/v1/nps").header("X-Api-Key", TestApiKeys.INVOICES_ONLY).exchange())
			.hasStatus(403)
			.bodyJson()
			.extractingPath("$.requiredScope")
			.isEqualTo("nps:read");
	}

	private JsonNode refused(String uri) throws Exception {
		MvcTestResult result = this.mvc.get().uri(uri).header("X-Api-Key", TestApiKeys.ALL_SCOPES).exchange();
		assertThat(result).as(uri).hasStatus(400);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		return json.readTree(result.getResponse().getContentAsString());
	}

	private static Map<String, String> parameters(JsonNode problem) {
		Map<String, String> errors = new LinkedHashMap<>();
		problem.get("errors")
			.forEach((error) -> errors.put(error.get("parameter").asString(), error.get("detail").asString()));
		return errors;
	}

	private void assertTrend(String store, double z) throws Exception {
		Map<LocalDate, List<Integer>> byWeek = new TreeMap<>();
		List<Integer> scores = this.answersByStore.get(store);
		List<LocalDate> days = this.storeDays.get(store);
		for (int i = 0; i < scores.size(); i++) {
			byWeek.computeIfAbsent(days.get(i).with(WeekFields.ISO.dayOfWeek(), 1), (week) -> new ArrayList<>())
				.add(scores.get(i));
		}
		JsonNode trend = get("/api/v1/nps/trend?store=" + store + "&from=" + FROM + "&to=" + TO);
		JsonNode points = trend.get("points");
		assertThat(trend.get("granularity").asString()).isEqualTo("week");
		assertThat(points).as("ISO weeks 36 to 47").hasSize(12);
		ReferenceNps.Expected previous = null;
		for (JsonNode point : points) {
			LocalDate monday = LocalDate.parse(point.get("from").asString()).with(WeekFields.ISO.dayOfWeek(), 1);
			ReferenceNps.Expected expected = ReferenceNps.of(byWeek.getOrDefault(monday, List.of()), z);
			assertMatches(point.get("period").asString(), point, expected);
			if (previous == null || previous.withheld() || expected.withheld()) {
				assertThat(point.get("change").isNull()).isTrue();
				assertThat(point.get("significant").asBoolean()).isFalse();
			}
			else {
				assertThat(point.get("change").asDouble()).isCloseTo(expected.nps() - previous.nps(), within(1e-9));
				assertThat(point.get("significant").asBoolean())
					.isEqualTo(ReferenceNps.significant(previous, expected, z));
			}
			previous = expected;
		}
	}

	private void assertBreakdown(double z) throws Exception {
		JsonNode slices = get("/api/v1/nps/breakdown?dimension=store&from=" + FROM + "&to=" + TO).get("slices");
		assertThat(slices).as("P0 has only skipped answers, still a slice, withheld")
			.hasSize(this.answersByStore.size());
		Double lastNps = Double.MAX_VALUE;
		int rank = 0;
		for (JsonNode slice : slices) {
			String store = slice.get("value").asString();
			ReferenceNps.Expected expected = ReferenceNps.of(this.answersByStore.get(store), z);
			assertMatches("breakdown " + store, slice, expected);
			if (!expected.withheld()) {
				assertThat(slice.get("rank").asInt()).isEqualTo(++rank);
				assertThat(expected.nps()).isLessThanOrEqualTo(lastNps);
				lastNps = expected.nps();
			}
			else {
				assertThat(slice.get("rank").isNull()).isTrue();
				lastNps = -Double.MAX_VALUE;
			}
		}
	}

	private static void assertMatches(String what, JsonNode actual, ReferenceNps.Expected expected) {
		assertThat(actual.get("n").asLong()).as(what + " n").isEqualTo(expected.n());
		assertThat(actual.get("skipped").asLong()).as(what + " skipped").isEqualTo(expected.skipped());
		assertThat(actual.get("withheld").asBoolean()).as(what + " withheld").isEqualTo(expected.withheld());
		assertThat(actual.get("insufficient").asBoolean()).as(what + " insufficient")
			.isEqualTo(expected.insufficient());
		if (expected.withheld()) {
			for (String hidden : List.of("nps", "promoters", "passives", "detractors", "promoterShare",
					"detractorShare", "marginOfError", "low", "high")) {
				assertThat(actual.get(hidden).isNull()).as(what + " " + hidden + " withheld").isTrue();
			}
			return;
		}
		assertThat(actual.get("promoters").asLong()).as(what + " promoters").isEqualTo(expected.promoters());
		assertThat(actual.get("passives").asLong()).as(what + " passives").isEqualTo(expected.passives());
		assertThat(actual.get("detractors").asLong()).as(what + " detractors").isEqualTo(expected.detractors());
		assertThat(actual.get("nps").asDouble()).as(what + " nps").isCloseTo(expected.nps(), within(1e-9));
		assertThat(actual.get("promoterShare").asDouble()).as(what + " promoterShare")
			.isCloseTo(100.0 * expected.promoters() / expected.n(), within(1e-9));
		assertThat(actual.get("detractorShare").asDouble()).as(what + " detractorShare")
			.isCloseTo(100.0 * expected.detractors() / expected.n(), within(1e-9));
		assertThat(actual.get("marginOfError").asDouble()).as(what + " margin")
			.isCloseTo(expected.marginOfError(), within(1e-9));
		assertThat(actual.get("low").asDouble()).as(what + " low").isCloseTo(expected.low(), within(1e-9));
		assertThat(actual.get("high").asDouble()).as(what + " high").isCloseTo(expected.high(), within(1e-9));
	}

	private final Map<String, List<LocalDate>> storeDays = new LinkedHashMap<>();

	/**
	 * {@code n} answers with a score (and about one skipped in ten) on random days of the
	 * period, each a promoter with probability {@code promoterRate}, else a detractor
	 * with {@code detractorRate}, else a passive.
	 */
	private void answer(String store, int n, double promoterRate, double detractorRate) {
		List<Integer> scores = this.answersByStore.computeIfAbsent(store, (key) -> new ArrayList<>());
		List<LocalDate> days = this.storeDays.computeIfAbsent(store, (key) -> new ArrayList<>());
		int skipped = (n == 0) ? 2 : this.random.nextInt(n / 10 + 1);
		for (int i = 0; i < n + skipped; i++) {
			Integer score = (i >= n) ? null : (this.random.nextDouble() < promoterRate) ? 9 + this.random.nextInt(2)
					: (this.random.nextDouble() < detractorRate) ? this.random.nextInt(7) : 7 + this.random.nextInt(2);
			LocalDate day = FROM.plusDays(this.random.nextInt((int) (TO.toEpochDay() - FROM.toEpochDay() + 1)));
			send(store, score, day);
			scores.add(score);
			days.add(day);
			this.inPeriod.add(score);
		}
	}

	private void outsideThePeriod(String store, int count) {
		for (int i = 0; i < count; i++) {
			send(store, this.random.nextInt(11), FROM.minusDays(1 + this.random.nextInt(30)));
		}
	}

	private int sent;

	private void send(String store, Integer score, LocalDate day) {
		String id = "r-" + (++this.sent);
		Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(this.random.nextInt(86_400));
		SurveyResponded response = response("c-" + id, id, score, at).setStoreId(store).build();
		this.nps.send(response);
	}

	private JsonNode get(String uri) throws Exception {
		MvcTestResult result = this.mvc.get().uri(uri).header("X-Api-Key", TestApiKeys.ALL_SCOPES).exchange();
		assertThat(result).as(uri).hasStatusOk();
		return json.readTree(result.getResponse().getContentAsString());
	}

	@TestConfiguration
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
