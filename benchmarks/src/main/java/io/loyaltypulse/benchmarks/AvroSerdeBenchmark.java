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
 * Serialize + deserialize of a PurchaseCompleted with three lines: the registry-aware
 * serde (Confluent wire format, ids cached) against plain Avro binary of the same record.
 * The goal is that the serde costs at most 10% more. See docs/benchmarks.md for how to
 * run it and the figures.
 *
 * <p>
 * Public only because JMH's generated code subclasses it from another package.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// On two cores C2 needs 3 to 5 s to settle Avro's recursive writer and reader when the
// other core is busy (compiler threads compete with the benchmark): 10 s leaves margin.
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 2)
// A fixed heap, so that heap resizing in one fork does not widen the error.
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Thread)
public class AvroSerdeBenchmark {

	@Param({ "TOPIC_UNION", "RECORD" })
	public String writerSchema;

	private PurchaseRoundTrip roundTrip;

	@Setup
	public void setUp() {
		// Makes the first round trip, so registration and id look-up happen here, not in
		// a measured call.
		this.roundTrip = new PurchaseRoundTrip(WriterSchema.valueOf(this.writerSchema));
	}

	@TearDown
	public void tearDown() {
		this.roundTrip.close();
	}

	@Benchmark
	public Object serde() {
		return this.roundTrip.throughSerde();
	}

	@Benchmark
	public Object plainAvro() {
		return this.roundTrip.plainAvro();
	}

}
