package io.loyaltypulse.points.topology;

import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The newest event time applied, kept in the schedule store. */
class AppliedUntilTest {

	final KeyValueStore<String, String> store = ScheduleStoreFormatTest.inMemoryScheduleStore();

	@AfterEach
	void closeStore() {
		this.store.close();
	}

	@Test
	void shouldKeepAppliedUntilAcrossRestartsAndNeverGoBack() {
		AppliedUntil appliedUntil = new AppliedUntil(this.store);
		assertThat(appliedUntil.get()).isEqualTo(DedupHorizon.NOTHING_APPLIED);

		appliedUntil.applied(5_000);
		appliedUntil.applied(4_000);

		assertThat(new AppliedUntil(this.store).get()).isEqualTo(5_000);
		assertThat(this.store.get(AppliedUntil.KEY)).isEqualTo("5000");
	}

}
