package io.loyaltypulse.points.topology;

import io.loyaltypulse.support.streams.DueIndex;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code points-schedule} store as the release before DueIndex wrote it
 * ({@code "%019d(dueAt)|customerId" -> customerId}, and {@code ~applied-until}) is read
 * by {@link DueIndex} and {@link AppliedUntil} as it is: the same accounts due at the
 * same times, once each, and appliedUntil never one of them.
 */
class ScheduleStoreFormatTest {

	final KeyValueStore<String, String> store = inMemoryScheduleStore();

	@AfterEach
	void closeStore() {
		this.store.close();
	}

	@Test
	void shouldTakeTheAccountsOfAStoreWrittenBeforeDueIndexAtTheSameTimesOnce() {
		this.store.put("0000001793613602000|c2", "c2");
		this.store.put("0000001793613600000|c1", "c1");
		this.store.put("0000001793613600000|c|3", "c|3");
		this.store.put(AppliedUntil.KEY, "1793613700000");
		DueIndex index = new DueIndex(this.store);

		assertThat(index.takeDue(1_793_613_599_999L, 10)).isEmpty();
		assertThat(index.takeDue(1_793_613_600_000L, 10)).containsExactly("c1", "c|3");
		assertThat(index.takeDue(1_793_613_601_999L, 10)).isEmpty();
		assertThat(index.takeDue(Long.MAX_VALUE - 1, 10)).containsExactly("c2");
		assertThat(index.takeDue(Long.MAX_VALUE - 1, 10)).isEmpty();
		assertThat(new AppliedUntil(this.store).get()).isEqualTo(1_793_613_700_000L);
	}

	@Test
	void shouldMoveAnAccountFromItsEntryInTheOldFormat() {
		this.store.put("0000001793613600000|c1", "c1");
		DueIndex index = new DueIndex(this.store);

		index.move("c1", 1_793_613_600_000L, 1_793_613_605_000L);

		assertThat(this.store.get("0000001793613600000|c1")).isNull();
		assertThat(index.takeDue(1_793_613_604_999L, 10)).isEmpty();
		assertThat(index.takeDue(1_793_613_605_000L, 10)).containsExactly("c1");
	}

	static KeyValueStore<String, String> inMemoryScheduleStore() {
		KeyValueStore<String, String> store = Stores
			.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PointsTopology.SCHEDULE_STORE), Serdes.String(),
					Serdes.String())
			.withLoggingDisabled()
			.build();
		store.init(new MockProcessorContext<>().getStateStoreContext(), store);
		return store;
	}

}
