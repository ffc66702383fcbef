package io.loyaltypulse.points.topology;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.points.ledger.NegativeBalancePolicy;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.loyaltypulse.points.Events.purchase;
import static io.loyaltypulse.points.Events.refundLines;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Poison records go to purchases.DLT with the reason in headers, the customer's state
 * stays as it was, and processing continues.
 */
class DeadLetterTopologyTest {

	static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

	@TempDir
	Path stateDir;

	PointsDriver points;

	@BeforeEach
	void start() {
		this.points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, this.stateDir);
	}

	@AfterEach
	void stop() {
		this.points.close();
	}

	@Test
	void shouldSkipUndecodableBytesAndContinue() {
		// Where the bytes go (purchases.DLT) is proven by DeadLetterHandlerTest and,
		// through
		// a real broker, by PointsServiceIT: TopologyTestDriver does not capture records
		// a
		// deserialization handler sends.
		this.points.rawPurchases.pipeInput("c1", "not avro".getBytes(StandardCharsets.UTF_8), T0);
		this.points.send(purchase("c1", "o1", T0).line("1", "GROCERY", 1, "10.00").build());

		assertThat(this.points.ledgerEntries()).extracting(PointsTransaction::getPoints).containsExactly(10L);
	}

	@Test
	void shouldSendARefundOfAnUnknownCustomerOrOrderOrTooManyUnitsToTheDeadLetterTopic() {
		byte[] stranger = this.points.topics.purchases()
			.valueSerde()
			.serializer()
			.serialize("purchases", refundLines("stranger", "o1", "r0", T0, "10.00", "1", "1"));
		this.points.send(refundLines("stranger", "o1", "r0", T0, "10.00", "1", "1"));
		this.points.send(purchase("c1", "o1", T0).line("1", "GROCERY", 2, "10.00").build());
		this.points.send(refundLines("c1", "o-unknown", "r1", T0.plusSeconds(60), "10.00", "1", "1"));
		PurchaseRefunded tooMany = refundLines("c1", "o1", "r2", T0.plusSeconds(120), "10.00", "1", "3");
		this.points.send(tooMany);
		this.points.send(refundLines("c1", "o1", "r3", T0.plusSeconds(180), "10.00", "1", "1"));

		List<TestRecord<byte[], byte[]>> deadLetters = this.points.purchasesDeadLetters.readRecordsToList();
		assertThat(deadLetters.get(0).value()).as("the record as it was read").isEqualTo(stranger);
		assertThat(header(deadLetters.get(0), DeadLetterHandler.ORIGIN_TOPIC_HEADER)).isEqualTo("purchases");
		assertThat(header(deadLetters.get(0), DeadLetterHandler.ORIGIN_OFFSET_HEADER)).isEqualTo("0");
		assertThat(deadLetters).extracting((record) -> header(record, DeadLetterHandler.REASON_HEADER))
			.satisfiesExactly((reason) -> assertThat(reason).contains("unknown customer stranger"),
					(reason) -> assertThat(reason).contains("unknown order o-unknown"),
					(reason) -> assertThat(reason).contains("more units of line 1 than were bought"));
		// The refused refund changed nothing: the valid one after it takes back one unit.
		assertThat(this.points.ledgerEntries()).extracting(PointsTransaction::getPoints).containsExactly(20L, -10L);
	}

	private static String header(TestRecord<byte[], byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
