package io.loyaltypulse.purchase.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.loyaltypulse.events.OrderLine;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The yardstick for purchase-service's benchmark (not a test): the raw Kafka producer
 * sending the same PurchaseCompleted records as the HTTP benchmark, with the same serde,
 * topic, key, timestamp and producer settings as the service ({@code acks=all},
 * idempotent, {@code linger.ms=2}), against the local stack.
 *
 * <ul>
 * <li>{@code sync CONCURRENCY SECONDS}: CONCURRENCY threads each send one record and wait
 * for its acknowledgement, like the service does per request: events/s, p50, p99.</li>
 * <li>{@code async COUNT}: COUNT records as fast as the producer takes them (at most
 * 10,000 unacknowledged): events/s, the ceiling for batch ingest.</li>
 * </ul>
 *
 * See docs/benchmarks.md for the command line.
 */
public final class RawProducerBenchmark {

	private static final Logger log = LoggerFactory.getLogger(RawProducerBenchmark.class);

	private RawProducerBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String bootstrap = System.getProperty("bootstrap", "127.0.0.1:9092");
		String registry = System.getProperty("registry", "http://127.0.0.1:8081/apis/ccompat/v7");
		Topic<String, SpecificRecord> topic = new TopicCatalogue(Map.of("schema.registry.url", registry)).purchases();
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 2);
		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config, topic.keySerde().serializer(),
				topic.valueSerde().serializer())) {
			// Warm-up: registers the schema, fetches metadata, lets the JIT compile.
			runAsync(producer, topic.name(), 50_000, "warm-up");
			if ("async".equals(args[0])) {
				runAsync(producer, topic.name(), Integer.parseInt(args[1]), "async");
			}
			else {
				runSync(producer, topic.name(), Integer.parseInt(args[1]), Duration.ofSeconds(Long.parseLong(args[2])));
			}
		}
	}

	private static void runAsync(KafkaProducer<String, SpecificRecord> producer, String topic, int count, String label)
			throws InterruptedException {
		Semaphore inFlight = new Semaphore(10_000);
		CountDownLatch done = new CountDownLatch(count);
		AtomicInteger failures = new AtomicInteger();
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			inFlight.acquire();
			PurchaseCompleted event = purchase(label + "-" + start + "-" + i, i);
			producer.send(new ProducerRecord<>(topic, null, event.getOccurredAt().toEpochMilli(), event.getCustomerId(),
					event), (metadata, ex) -> {
						if (ex != null) {
							failures.incrementAndGet();
						}
						inFlight.release();
						done.countDown();
					});
		}
		done.await(5, TimeUnit.MINUTES);
		double seconds = (System.nanoTime() - start) / 1e9;
		log.info("raw producer {}: {} records in {} s = {} events/s, {} failed", label, count,
				String.format("%.1f", seconds), String.format("%.0f", count / seconds), failures.get());
	}

	private static void runSync(KafkaProducer<String, SpecificRecord> producer, String topic, int concurrency,
			Duration duration) throws InterruptedException {
		long end = System.nanoTime() + duration.toNanos();
		AtomicLong sequence = new AtomicLong();
		long[][] latencies = new long[concurrency][];
		int[] counts = new int[concurrency];
		ExecutorService threads = Executors.newFixedThreadPool(concurrency);
		long start = System.nanoTime();
		for (int t = 0; t < concurrency; t++) {
			int thread = t;
			threads.execute(() -> {
				long[] mine = new long[1 << 20];
				int n = 0;
				while (System.nanoTime() < end && n < mine.length) {
					long i = sequence.incrementAndGet();
					PurchaseCompleted event = purchase("sync-" + start + "-" + i, i);
					long sent = System.nanoTime();
					try {
						producer
							.send(new ProducerRecord<>(topic, null, event.getOccurredAt().toEpochMilli(),
									event.getCustomerId(), event))
							.get();
					}
					catch (Exception ex) {
						log.warn("send failed: {}", ex.toString());
						continue;
					}
					mine[n++] = System.nanoTime() - sent;
				}
				latencies[thread] = mine;
				counts[thread] = n;
			});
		}
		threads.shutdown();
		threads.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
		double seconds = (System.nanoTime() - start) / 1e9;
		long[] all = new long[Arrays.stream(counts).sum()];
		int offset = 0;
		for (int t = 0; t < concurrency; t++) {
			System.arraycopy(latencies[t], 0, all, offset, counts[t]);
			offset += counts[t];
		}
		Arrays.sort(all);
		log.info("raw producer sync x{}: {} records in {} s = {} events/s, p50 {} ms, p99 {} ms", concurrency,
				all.length, String.format("%.1f", seconds), String.format("%.0f", all.length / seconds),
				String.format("%.2f", all[all.length / 2] / 1e6),
				String.format("%.2f", all[(int) (all.length * 0.99)] / 1e6));
	}

	/** The same record the HTTP benchmark sends (purchases.lua). */
	private static PurchaseCompleted purchase(String eventId, long i) {
		return PurchaseCompleted.newBuilder()
			.setEventId(eventId)
			.setCustomerId("c-" + (i % 10_000))
			.setOccurredAt(Instant.parse("2026-11-20T10:15:30Z"))
			.setOrderId("o-" + i)
			.setStoreId("S1")
			.setChannel("WEB")
			.setRegion("EU-WEST")
			.setLines(List.of(
					OrderLine.newBuilder()
						.setLineId("1")
						.setSku("SKU-TEA")
						.setCategory("GROCERY")
						.setQuantity(2)
						.setUnitPrice(new BigDecimal("4.5000"))
						.build(),
					OrderLine.newBuilder()
						.setLineId("2")
						.setSku("SKU-CUP")
						.setCategory("HOME")
						.setQuantity(1)
						.setUnitPrice(new BigDecimal("12.0000"))
						.build()))
			.setTotal(new BigDecimal("21.0000"))
			.setCurrency("EUR")
			.build();
	}

}
