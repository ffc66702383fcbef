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
 * {@link AvroSerdeBenchmark}'s round trip taken apart: serialize alone and deserialize
 * alone, serde against plain Avro, to tell on which side any overhead of the serde lies.
 * Same settings as the round trip.
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
public class AvroSerdeStepsBenchmark {

	@Param({ "TOPIC_UNION", "RECORD" })
	public String writerSchema;

	private PurchaseRoundTrip roundTrip;

	private byte[] serdeBytes;

	private byte[] plainBytes;

	@Setup
	public void setUp() {
		this.roundTrip = new PurchaseRoundTrip(WriterSchema.valueOf(this.writerSchema));
		this.serdeBytes = this.roundTrip.serdeBytes();
		this.plainBytes = this.roundTrip.plainBytes();
	}

	@TearDown
	public void tearDown() {
		this.roundTrip.close();
	}

	@Benchmark
	public byte[] serializeSerde() {
		return this.roundTrip.serdeBytes();
	}

	@Benchmark
	public byte[] serializePlainAvro() {
		return this.roundTrip.plainBytes();
	}

	@Benchmark
	public Object deserializeSerde() {
		return this.roundTrip.serdeDecode(this.serdeBytes);
	}

	@Benchmark
	public Object deserializePlainAvro() {
		return this.roundTrip.plainDecode(this.plainBytes);
	}

}
