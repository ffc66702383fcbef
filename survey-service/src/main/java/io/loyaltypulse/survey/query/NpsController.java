package io.loyaltypulse.survey.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.support.streams.InteractiveQueries;
import io.loyaltypulse.survey.config.NpsProperties;
import io.loyaltypulse.survey.engine.NpsTopology;
import io.loyaltypulse.survey.nps.AnswerCounts;
import io.loyaltypulse.survey.nps.Slicing;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * NPS, trends and breakdowns (scope {@code nps:read}) from the slice-day store. A slice's
 * days are all on the partition of the slice, so {@code /nps} and {@code /nps/trend} are
 * answered by the instance that owns the slice (a request that reaches another instance
 * is forwarded once); a breakdown spans slices, so the instance asked sums its own
 * partitions and asks every other instance for theirs.
 */
@RestController
@RequestMapping(path = "/api/v1/nps",
		produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
class NpsController {

	private static final TypeReference<Map<String, List<Long>>> COUNTS = new TypeReference<>() {
	};

	private final NpsReports reports;

	private final InteractiveQueries queries;

	private final Slicing slicing;

	private final NpsProperties properties;

	private final Clock clock;

	private final JsonMapper json;

	NpsController(NpsReports reports, InteractiveQueries queries, NpsProperties properties, Clock clock,
			JsonMapper json) {
		this.reports = reports;
		this.queries = queries;
		this.slicing = properties.slicing();
		this.properties = properties;
		this.clock = clock;
		this.json = json;
	}

	@GetMapping
	ResponseEntity<?> nps(@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request) {
		NpsQuery query = read(parameters, QueryParameters.Endpoint.SCORE);
		return this.queries.forwardIfRemote(NpsTopology.SLICE_DAYS_STORE, query.filters().key(), request)
			.<ResponseEntity<?>>map((answer) -> answer)
			.orElseGet(() -> served(this.reports.score(query)));
	}

	@GetMapping("/trend")
	ResponseEntity<?> trend(@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request) {
		NpsQuery query = read(parameters, QueryParameters.Endpoint.TREND);
		return this.queries.forwardIfRemote(NpsTopology.SLICE_DAYS_STORE, query.filters().key(), request)
			.<ResponseEntity<?>>map((answer) -> answer)
			.orElseGet(() -> served(this.reports.trend(query)));
	}

	/**
	 * Forwarded by another instance (internal), this answers only its own partitions'
	 * counts, {@code {"<slice>": [11 score counts..., skipped]}}, for that instance to
	 * rank.
	 */
	@GetMapping("/breakdown")
	ResponseEntity<?> breakdown(@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request) {
		NpsQuery query = read(parameters, QueryParameters.Endpoint.BREAKDOWN);
		Map<String, AnswerCounts> totals = new HashMap<>(this.reports.localBreakdown(query));
		if (this.queries.isForwarded(request)) {
			Map<String, List<Long>> local = new HashMap<>();
			totals.forEach((slice, counts) -> local.put(slice, encode(counts)));
			return served(local);
		}
		for (String answer : this.queries.fromOtherInstances(NpsTopology.SLICE_DAYS_STORE, request)) {
			this.json.readValue(answer, COUNTS)
				.forEach((slice, counts) -> totals.merge(slice, decode(counts), AnswerCounts::plus));
		}
		return served(this.reports.breakdown(query, totals));
	}

	private NpsQuery read(MultiValueMap<String, String> parameters, QueryParameters.Endpoint endpoint) {
		return QueryParameters.read(parameters, this.slicing, this.properties.defaultWindow(),
				LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC), endpoint);
	}

	private ResponseEntity<?> served(Object body) {
		return ResponseEntity.ok().header(InteractiveQueries.SERVED_BY_HEADER, this.queries.self()).body(body);
	}

	private static List<Long> encode(AnswerCounts counts) {
		List<Long> encoded = new ArrayList<>(counts.histogram());
		encoded.add(counts.skipped());
		return encoded;
	}

	private static AnswerCounts decode(List<Long> encoded) {
		long[] histogram = new long[AnswerCounts.SCORES];
		for (int score = 0; score < AnswerCounts.SCORES; score++) {
			histogram[score] = encoded.get(score);
		}
		return AnswerCounts.of(histogram, encoded.get(AnswerCounts.SCORES));
	}

}
