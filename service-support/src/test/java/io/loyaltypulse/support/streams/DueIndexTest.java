package io.loyaltypulse.support.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DueIndexTest {

	private KeyValueStore<String, String> store;

	private DueIndex index;

	@BeforeEach
	void open() {
		this.store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("due"), Serdes.String(), Serdes.String())
			.withLoggingDisabled()
			.build();
		this.store.init(new MockProcessorContext<>().getStateStoreContext(), this.store);
		this.index = new DueIndex(this.store);
	}

	@Test
	void shouldTakeWhatFellDueOldestFirstAndMoveAnEntryToItsNewTime() {
		this.index.move("c-1", DueIndex.NOTHING_DUE, 300);
		this.index.move("c-2", DueIndex.NOTHING_DUE, 100);
		this.index.move("c|3", DueIndex.NOTHING_DUE, 200);
		this.index.move("c-1", 300, 150);

		assertThat(this.index.takeDue(199, 10)).containsExactly("c-2", "c-1");
		assertThat(this.index.takeDue(199, 10)).isEmpty();
		assertThat(this.index.takeDue(200, 10)).containsExactly("c|3");
	}

	@Test
	void shouldFindAnEntryMovedBeforeTheLastScanAndWhatAFullScanLeftBehind() {
		for (int i = 0; i < 5; i++) {
			this.index.move("c-" + i, DueIndex.NOTHING_DUE, 100);
		}
		assertThat(this.index.takeDue(500, 3)).containsExactly("c-0", "c-1", "c-2");

		// Due before the time the last scan reached: still found.
		this.index.move("late", DueIndex.NOTHING_DUE, 50);

		assertThat(this.index.takeDue(500, 10)).containsExactly("late", "c-3", "c-4");
		this.index.move("again", DueIndex.NOTHING_DUE, 400);
		assertThat(this.index.takeDue(600, 10)).containsExactly("again");
	}

	@Test
	void shouldFindNothingAndKeepItsMarkWhenAskedForATimeBeforeTheLastScan() {
		this.index.move("c-1", DueIndex.NOTHING_DUE, 300);
		assertThat(this.index.takeDue(200, 10)).isEmpty();

		assertThat(this.index.takeDue(100, 10)).isEmpty();

		assertThat(this.index.takeDue(300, 10)).containsExactly("c-1");
	}

	@Test
	void shouldScanFromTheStartOnceWhenOpenedOnAStoreThatHoldsEntries() {
		this.index.move("c-1", DueIndex.NOTHING_DUE, 100);

		assertThat(new DueIndex(this.store).takeDue(1_000, 10)).containsExactly("c-1");
	}

	@Test
	void shouldTakeAnEntryDueBeforeTheEpochAsDueAtItAlsoAfterARestartAndMoveItAway() {
		this.index.move("c-1", DueIndex.NOTHING_DUE, -5);
		this.index.move("c-2", DueIndex.NOTHING_DUE, -50);

		assertThat(new DueIndex(this.store).takeDue(0, 10)).containsExactly("c-1", "c-2");

		this.index.move("c-3", DueIndex.NOTHING_DUE, -7);
		this.index.move("c-3", -7, 500);
		assertThat(new DueIndex(this.store).takeDue(499, 10)).isEmpty();
		assertThat(new DueIndex(this.store).takeDue(500, 10)).containsExactly("c-3");
	}

}
