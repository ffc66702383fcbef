package io.loyaltypulse.points.topology;

import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.points.InvalidEventException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PointsPerEventLimitTest {

	final PointsPerEventLimit limit = new PointsPerEventLimit(1000);

	@Test
	void shouldAdmitAnEarningOfExactlyTheMaximum() {
		assertThatNoException()
			.isThrownBy(() -> this.limit.check("c1", List.of(entry(PointsTransactionKind.EARN, 1000))));
	}

	@Test
	void shouldRefuseAnEarningOfOnePointMore() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> this.limit.check("c1",
					List.of(entry(PointsTransactionKind.EXPIRE, -5), entry(PointsTransactionKind.EARN, 1001))))
			.withMessage(
					"purchase o1 of customer c1 would earn 1001 points, more than the 1000 allowed per event (loyalty.points.max-points-per-event)");
	}

	@Test
	void shouldLeaveOtherCreditsToTheirOwnRules() {
		assertThatNoException().isThrownBy(() -> this.limit.check("c1",
				List.of(entry(PointsTransactionKind.ADJUST, 5000), entry(PointsTransactionKind.RESTORE_REDEEM, 5000))));
	}

	private static PointsTransaction entry(PointsTransactionKind kind, long points) {
		return PointsTransaction.newBuilder()
			.setEventId("c1:1")
			.setCustomerId("c1")
			.setOccurredAt(Instant.parse("2026-11-02T10:00:00Z"))
			.setSequence(1)
			.setKind(kind)
			.setPoints(points)
			.setBalanceAfter(points)
			.setAvailableAfter(0)
			.setPendingAfter(points)
			.setSourceEventId("purchase-o1")
			.setOrderId("o1")
			.setExplanation("test")
			.build();
	}

}
