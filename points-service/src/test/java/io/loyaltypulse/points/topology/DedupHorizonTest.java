package io.loyaltypulse.points.topology;

import java.time.Duration;
import java.time.Instant;

import io.loyaltypulse.points.Events;
import io.loyaltypulse.points.InvalidEventException;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DedupHorizonTest {

	static final Instant APPLIED_UNTIL = Instant.parse("2027-06-01T00:00:00Z");

	static final Duration ORDER_RETENTION = Duration.ofDays(100);

	static final Duration DEDUP_RETENTION = Duration.ofDays(400);

	final DedupHorizon horizon = new DedupHorizon(ORDER_RETENTION, DEDUP_RETENTION);

	@Test
	void shouldAdmitAnythingBeforeTheTaskAppliedAnEvent() {
		assertThatNoException().isThrownBy(
				() -> this.horizon.check("c1", purchase(Instant.EPOCH), Instant.EPOCH, DedupHorizon.NOTHING_APPLIED));
		assertThat(this.horizon.ordersFrom(DedupHorizon.NOTHING_APPLIED)).isZero();
	}

	@Test
	void shouldAdmitAPurchaseOneMillisecondWithinTheOrderRetention() {
		Instant oldest = APPLIED_UNTIL.minus(ORDER_RETENTION).plusMillis(1);

		assertThatNoException().isThrownBy(() -> check(purchase(oldest), oldest));
		assertThat(this.horizon.ordersFrom(APPLIED_UNTIL.toEpochMilli())).isEqualTo(oldest.toEpochMilli());
	}

	@Test
	void shouldRefuseAPurchaseExactlyAtTheHorizonForTheStoresNoLongerShowThatMillisecond() {
		Instant horizon = APPLIED_UNTIL.minus(ORDER_RETENTION);

		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> check(purchase(horizon), horizon))
			.withMessageContaining("older than the order retention (PT2400H, loyalty.points.order-retention)")
			.withMessageContaining("cannot be told from a duplicate");
	}

	@Test
	void shouldCountOtherEventsBackByTheDedupRetention() {
		Instant withinDedup = APPLIED_UNTIL.minus(ORDER_RETENTION).minusSeconds(1);
		Instant horizon = APPLIED_UNTIL.minus(DEDUP_RETENTION);

		assertThatNoException().isThrownBy(() -> check(Events.survey("c1", "s", "r1", withinDedup), withinDedup));
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> check(Events.adjustment("c1", "k1", 5, horizon), horizon))
			.withMessageContaining("older than the dedup retention");
		assertThat(this.horizon.idsFrom(APPLIED_UNTIL.toEpochMilli())).isEqualTo(horizon.toEpochMilli() + 1);
	}

	@Test
	void shouldNeverRememberFromBeforeTheEpoch() {
		assertThat(this.horizon.idsFrom(Duration.ofDays(1).toMillis())).isZero();
	}

	private void check(SpecificRecord event, Instant at) {
		this.horizon.check("c1", event, at, APPLIED_UNTIL.toEpochMilli());
	}

	private static SpecificRecord purchase(Instant at) {
		return Events.purchase("c1", "o1", at).line("1", "HOME", 1, "10.00").build();
	}

}
