package io.loyaltypulse.survey.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;

import io.loyaltypulse.support.streams.InteractiveQueries;
import io.loyaltypulse.survey.config.NpsProperties;
import io.loyaltypulse.survey.engine.NpsTopology;
import io.loyaltypulse.survey.nps.AnswerCounts;
import io.loyaltypulse.survey.nps.Slicing;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What {@code GET /nps/trend} does on the owner of a slice, without the HTTP hop: read
 * the parameters, range-read two years of a store's days from a RocksDB window store
 * holding 500 stores that had answers every day (with their store+touchpoint slices), sum
 * them into 105 weekly points with margins and significance, and write the JSON. Prints
 * p50 and p99 over 2,000 queries after 500 of warm-up, and the bytes a slice-day takes.
 * {@code SurveyBenchmark trend} runs it.
 */
public final class TrendBenchmark {

	/** Under the bench package, whose results the test logging prints. */
	private static final Logger log = LoggerFactory.getLogger("io.loyaltypulse.survey.bench.TrendBenchmark");

	private TrendBenchmark() {
	}

	public static void run() throws IOException {
		Path dir = Files.createTempDirectory("survey-trend-bench");
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "trend-bench");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate from = today.minusDays(729);
		long[] sizes = new long[3];
		Topology topology = new Topology();
		topology.addSource("stores", Serdes.String().deserializer(), Serdes.String().deserializer(), "bench-stores");
		topology.addProcessor("load", () -> new Loader(from, today, sizes), "stores");
		topology.addStateStore(Stores
			.windowStoreBuilder(Stores.persistentWindowStore(NpsTopology.SLICE_DAYS_STORE, Duration.ofDays(1100),
					Duration.ofDays(1), false), Serdes.String(), NpsTopology.countsSerde())
			.withLoggingDisabled()
			.withCachingDisabled(), "load");
		Instant loadStarted = Instant.now();
		try (TopologyTestDriver driver = new TopologyTestDriver(topology, config)) {
			TestInputTopic<String, String> stores = driver.createInputTopic("bench-stores",
					Serdes.String().serializer(), Serdes.String().serializer());
			for (int s = 0; s < 500; s++) {
				stores.pipeInput("S" + s, "S" + s);
			}
			long entries = sizes[0];
			long diskBytes = size(dir);
			log.info("trend: loaded {} slice-days in {} s; a slice-day: {} value bytes (+ 8 for the DSL's "
					+ "timestamp), {} key bytes on average (+ 12 for window start and sequence), {} bytes on disk "
					+ "(RocksDB, compressed, before compaction)", entries,
					Duration.between(loadStarted, Instant.now()).toSeconds(), sizes[1] / entries,
					String.format("%.1f", (double) sizes[2] / entries), diskBytes / entries);
			measure(driver.getWindowStore(NpsTopology.SLICE_DAYS_STORE), from, today);
		}
	}

	private static void measure(ReadOnlyWindowStore<String, AnswerCounts> store, LocalDate from, LocalDate today) {
		Random random = new Random(3);
		InteractiveQueries queries = mock(InteractiveQueries.class);
		given(queries.localStore(eq(NpsTopology.SLICE_DAYS_STORE), anyString(), any(QueryableStoreType.class)))
			.willReturn(store);
		NpsProperties properties = new NpsProperties(List.of("store+touchpoint"), 30, 5, Duration.ofDays(1100),
				Duration.ofDays(30));
		Slicing slicing = properties.slicing();
		NpsReports reports = new NpsReports(new SliceDays(queries), properties);
		JsonMapper json = JsonMapper.builder().build();
		List<Long> nanos = new ArrayList<>();
		int points = 0;
		for (int i = 0; i < 2500; i++) {
			long started = System.nanoTime();
			MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
			parameters.add("store", "S" + random.nextInt(500));
			parameters.add("from", from.toString());
			parameters.add("to", today.toString());
			parameters.add("granularity", "week");
			NpsAnswers.Trend trend = reports.trend(QueryParameters.read(parameters, slicing, Duration.ofDays(30), today,
					QueryParameters.Endpoint.TREND));
			byte[] body = json.writeValueAsBytes(trend);
			long took = System.nanoTime() - started;
			if (i >= 500) {
				nanos.add(took);
			}
			points = trend.points().size() + ((body.length > 0) ? 0 : 1);
		}
		Collections.sort(nanos);
		log.info("trend: {} weekly points over 2 years, 500 stores: p50 {} ms, p99 {} ms, max {} ms (2,000 queries)",
				points, ms(nanos, 0.50), ms(nanos, 0.99), ms(nanos, 1.0));
	}

	/**
	 * Writes two years of a store's days, with its store+touchpoint slices, per record.
	 */
	private static final class Loader implements Processor<String, String, Void, Void> {

		private final LocalDate from;

		private final LocalDate to;

		/** Entries, value bytes, key bytes written. */
		private final long[] sizes;

		private final Random random = new Random(3);

		private WindowStore<String, AnswerCounts> store;

		Loader(LocalDate from, LocalDate to, long[] sizes) {
			this.from = from;
			this.to = to;
			this.sizes = sizes;
		}

		@Override
		public void init(ProcessorContext<Void, Void> context) {
			this.store = context.getStateStore(NpsTopology.SLICE_DAYS_STORE);
		}

		@Override
		public void process(Record<String, String> record) {
			List<String> slices = new ArrayList<>(List.of("store=" + record.value()));
			for (String touchpoint : List.of("POST_PURCHASE", "DELIVERY", "SUPPORT", "RELATIONSHIP")) {
				slices.add("store=" + record.value() + "&touchpoint=" + touchpoint);
			}
			for (LocalDate day = this.from; !day.isAfter(this.to); day = day.plusDays(1)) {
				long start = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
				for (String slice : slices) {
					AnswerCounts counts = AnswerCounts.NONE;
					for (int i = this.random.nextInt(8); i >= 0; i--) {
						counts = counts.plus((this.random.nextInt(12) == 0) ? null : this.random.nextInt(11), 1);
					}
					this.store.put(slice, counts, start);
					this.sizes[0]++;
					this.sizes[1] += NpsTopology.countsSerde().serializer().serialize("", counts).length;
					this.sizes[2] += slice.length();
				}
			}
		}

	}

	private static String ms(List<Long> sorted, double quantile) {
		int index = Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
		return String.format("%.2f", sorted.get(index) / 1e6);
	}

	private static long size(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum();
		}
	}

}
