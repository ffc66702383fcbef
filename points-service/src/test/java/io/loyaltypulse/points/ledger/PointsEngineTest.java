package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.points.Events;
import io.loyaltypulse.points.InvalidEventException;
import io.loyaltypulse.points.PointsTestRules;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.T0;
import static io.loyaltypulse.points.ledger.LedgerFixtures.account;
import static io.loyaltypulse.points.ledger.LedgerFixtures.days;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The engine picks the rule for each event; the rules have tests of their own. */
class PointsEngineTest {

	final PointsEngine engine = PointsTestRules.engine(NegativeBalancePolicy.ALLOW_NEGATIVE);

	final CustomerAccount account = account();

	final InMemoryHistory history = new InMemoryHistory();

	@Test
	void shouldApplyEachEventByItsRule() {
		List<SpecificRecord> events = List.of(Events.purchase("c1", "o1", T0).line("1", "GROCERY", 1, "100.00").build(),
				Events.survey("c1", "nps-q1", "r1", days(1)), Events.adjustment("c1", "k1", 10, days(2)),
				Events.redemption("c1", "k2", 5, null, days(3)),
				Events.refundAmount("c1", "o1", "r1", days(4), "50.00"));

		List<PointsTransactionKind> kinds = events.stream()
			.flatMap((event) -> this.engine.apply(this.account, this.history, event).stream())
			.filter(PointsTransaction.class::isInstance)
			.map((entry) -> ((PointsTransaction) entry).getKind())
			.toList();

		assertThat(kinds).containsExactly(PointsTransactionKind.EARN, PointsTransactionKind.BONUS,
				PointsTransactionKind.ADJUST, PointsTransactionKind.REDEEM, PointsTransactionKind.REVERSE_EARN);
	}

	@Test
	void shouldRefuseAnEventItDoesNotHandle() {
		SpecificRecord ledgerEntry = this.engine
			.apply(this.account, this.history, Events.adjustment("c1", "k1", 10, T0))
			.get(0);

		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> this.engine.apply(this.account, this.history, ledgerEntry))
			.withMessageContaining("does not handle io.loyaltypulse.events.PointsTransaction");
	}

	@Test
	void shouldAdvanceWithoutAnEventAndSayWhatIsDueNext() {
		this.engine.apply(this.account, this.history, Events.adjustment("c1", "k1", 10, T0));
		long expiry = this.engine.nextDue(this.account);

		assertThat(this.engine.advance(this.account, Instant.ofEpochMilli(expiry - 1))).isEmpty();
		assertThat(this.engine.advance(this.account, Instant.ofEpochMilli(expiry))).singleElement()
			.isInstanceOfSatisfying(PointsTransaction.class,
					(entry) -> assertThat(entry.getKind()).isEqualTo(PointsTransactionKind.EXPIRE));
		assertThat(this.engine.nextDue(this.account)).isEqualTo(Long.MAX_VALUE);
	}

}
