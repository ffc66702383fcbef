package io.loyaltypulse.points.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.loyaltypulse.points.Events;
import io.loyaltypulse.points.PointsTestRules;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CustomerAccountSerdeTest {

	final CustomerAccountSerde serde = new CustomerAccountSerde();

	final PointsEngine engine = PointsTestRules.engine(NegativeBalancePolicy.ALLOW_NEGATIVE);

	@Test
	void shouldReadBackAnAccountThatBehavesTheSame() {
		Instant at = Instant.parse("2026-11-02T10:00:00Z");
		CustomerAccount account = CustomerAccount.open("c1");
		this.engine.apply(account,
				Events.purchase("c1", "o1", at).line("1", "BOOKS", 3, "9.99").line("2", "HOME", 1, "5.00").build());
		this.engine.apply(account, Events.refundLines("c1", "o1", "r1", at.plusSeconds(60), "9.99", "1", "1"));

		CustomerAccount read = this.serde.deserializer()
			.deserialize("t", this.serde.serializer().serialize("t", account));

		// The same next event gives the same entries on the original and the copy.
		var next = Events.refundLines("c1", "o1", "r2", at.plusSeconds(120), "9.99", "1", "2");
		assertThat(this.engine.apply(read, next)).isEqualTo(this.engine.apply(account, next));
		assertThat(this.serde.serializer().serialize("t", read))
			.isEqualTo(this.serde.serializer().serialize("t", account));
	}

	@Test
	void shouldRefuseAnAccountWrittenByANewerRelease() {
		byte[] newer = "{\"version\":2,\"customerId\":\"c1\"}".getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.serde.deserializer().deserialize("t", newer))
			.withMessageContaining("version 2");
	}

	@Test
	void shouldKeepTheLotsInSpendingOrder() {
		CustomerAccount account = CustomerAccount.open("c1");
		this.engine.apply(account, Events.adjustment("c1", "late", 10, Instant.parse("2026-12-01T00:00:00Z")));
		this.engine.apply(account, Events.adjustment("c1", "early", 10, Instant.parse("2026-11-01T00:00:00Z")));

		CustomerAccount read = this.serde.deserializer()
			.deserialize("t", this.serde.serializer().serialize("t", account));

		assertThat(read.lots).extracting((lot) -> lot.id).isEqualTo(List.of("c1:2", "c1:1"));
	}

}
