package io.loyaltypulse.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The serde with the change proposed in docs/benchmarks.md
 * ({@link ProposedAvroSerializer}, {@link ProposedAvroDeserializer}), measured like
 * {@link AvroSerdeBenchmark} and {@link AvroSerdeStepsBenchmark} so the figures compare.
 * Delete it with the prototype once the change is in the schemas module.
 *
 * <p>
 * Public only because JMH's generated code subclasses it from another package.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Thread)
public class AvroSerdeProposalBenchmark {

	@Param({ "TOPIC_UNION", "RECORD" })
	public String writerSchema;

	private PurchaseRoundTrip roundTrip;

	private byte[] bytes;

	@Setup
	public void setUp() {
		this.roundTrip = new PurchaseRoundTrip(WriterSchema.valueOf(this.writerSchema));
		this.bytes = this.roundTrip.proposedBytes();
	}

	@TearDown
	public void tearDown() {
		this.roundTrip.close();
	}

	@Benchmark
	public Object serde() {
		return this.roundTrip.throughProposedSerde();
	}

	@Benchmark
	public byte[] serialize() {
		return this.roundTrip.proposedBytes();
	}

	@Benchmark
	public Object deserialize() {
		return this.roundTrip.proposedDecode(this.bytes);
	}

}
