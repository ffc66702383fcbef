package io.loyaltypulse.points.topology;

import io.loyaltypulse.points.ledger.CustomerAccount;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule over an in-memory store: keys, range and appliedUntil. */
class DueScheduleTest {

	final KeyValueStore<String, String> store = inMemoryStore();

	final DueSchedule schedule = new DueSchedule(this.store);

	@AfterEach
	void closeStore() {
		this.store.close();
	}

	@Test
	void shouldRegisterAnAccountUnderItsDueTimeAndMoveItWhenThatChanges() {
		CustomerAccount account = CustomerAccount.open("c1");

		this.schedule.reschedule(account, 2_000);
		this.schedule.reschedule(account, 1_000);

		assertThat(this.store.get(DueSchedule.key(2_000, "c1"))).isNull();
		assertThat(this.store.get("0000000000000001000|c1")).isEqualTo("c1");
		assertThat(account.scheduledAt()).isEqualTo(1_000);
	}

	@Test
	void shouldUnregisterAnAccountWithNothingDue() {
		CustomerAccount account = CustomerAccount.open("c1");
		this.schedule.reschedule(account, 1_000);

		this.schedule.reschedule(account, Long.MAX_VALUE);

		assertThat(this.store.approximateNumEntries()).isZero();
		assertThat(account.scheduledAt()).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void shouldFindTheAccountsDueByAMomentIncludedSoonestFirstAndNoMoreThanAsked() {
		schedule("c3", 3_000);
		schedule("c1", 1_000);
		schedule("c2", 2_000);
		schedule("c4", 2_001);

		assertThat(this.schedule.dueBy(2_000, 10)).extracting(DueSchedule.Due::customerId).containsExactly("c1", "c2");
		assertThat(this.schedule.dueBy(5_000, 2)).extracting(DueSchedule.Due::customerId).containsExactly("c1", "c2");
	}

	@Test
	void shouldForgetAnEntry() {
		schedule("c1", 1_000);

		this.schedule.forget(this.schedule.dueBy(1_000, 10).get(0));

		assertThat(this.schedule.dueBy(1_000, 10)).isEmpty();
	}

	@Test
	void shouldKeepAppliedUntilAcrossRestartsAndNeverGoBack() {
		assertThat(this.schedule.appliedUntil()).isEqualTo(DedupHorizon.NOTHING_APPLIED);

		this.schedule.applied(5_000);
		this.schedule.applied(4_000);

		assertThat(new DueSchedule(this.store).appliedUntil()).isEqualTo(5_000);
		assertThat(this.store.get(DueSchedule.APPLIED_UNTIL_KEY)).isEqualTo("5000");
	}

	@Test
	void shouldNeverListAppliedUntilAsADueAccount() {
		this.schedule.applied(5_000);
		schedule("c1", 1_000);

		assertThat(this.schedule.dueBy(Long.MAX_VALUE - 1, 10)).extracting(DueSchedule.Due::customerId)
			.containsExactly("c1");
	}

	private void schedule(String customerId, long dueAt) {
		this.schedule.reschedule(CustomerAccount.open(customerId), dueAt);
	}

	private static KeyValueStore<String, String> inMemoryStore() {
		KeyValueStore<String, String> store = Stores
			.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PointsTopology.SCHEDULE_STORE), Serdes.String(),
					Serdes.String())
			.withLoggingDisabled()
			.build();
		store.init(new MockProcessorContext<>().getStateStoreContext(), store);
		return store;
	}

}
