package io.loyaltypulse.survey.engine;

import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.support.streams.DueIndex;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invitation index of the release before DueIndex ({@code "%013d|customer" -> ""})
 * rewritten as DueIndex keys: the same entries, due at the same times, taken once.
 */
class LegacyDueKeysTest {

	static final long T = 1_793_613_600_000L;

	final KeyValueStore<String, String> store = Stores
		.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(InvitationTopology.DUE_STORE), Serdes.String(),
				Serdes.String())
		.withLoggingDisabled()
		.build();

	{
		this.store.init(new MockProcessorContext<>().getStateStoreContext(), this.store);
	}

	@AfterEach
	void closeStore() {
		this.store.close();
	}

	@Test
	void shouldMakeOldEntriesDueAtTheSameTimesOnceEach() {
		this.store.put(legacyKey(T + 2_000, "c-2"), "");
		this.store.put(legacyKey(T, "c-1"), "");
		this.store.put(legacyKey(T, "c|3"), "");
		this.store.put(legacyKey(0, "c-0"), "");
		DueIndex index = new DueIndex(this.store);

		assertThat(LegacyDueKeys.rewrite(this.store, index)).isEqualTo(4);

		assertThat(index.takeDue(T - 1, 10)).containsExactly("c-0");
		assertThat(index.takeDue(T, 10)).containsExactly("c-1", "c|3");
		assertThat(index.takeDue(T + 1_999, 10)).isEmpty();
		assertThat(index.takeDue(T + 2_000, 10)).containsExactly("c-2");
		assertThat(index.takeDue(Long.MAX_VALUE - 1, 10)).isEmpty();
		assertThat(keys()).isEmpty();
	}

	@Test
	void shouldLeaveDueIndexKeysAsTheyAreAndRewriteNothingTheSecondTime() {
		DueIndex index = new DueIndex(this.store);
		index.move("new", DueIndex.NOTHING_DUE, T + 1_000);
		this.store.put(legacyKey(T, "old"), "");

		assertThat(LegacyDueKeys.rewrite(this.store, index)).isEqualTo(1);
		List<String> once = keys();
		assertThat(LegacyDueKeys.rewrite(this.store, index)).isZero();

		assertThat(keys()).isEqualTo(once).containsExactly("000000" + (T) + "|old", "000000" + (T + 1_000) + "|new");
		assertThat(new DueIndex(this.store).takeDue(T + 1_000, 10)).containsExactly("old", "new");
	}

	@Test
	void shouldKeepOneEntryWhenACrashLeftOneInBothFormats() {
		DueIndex index = new DueIndex(this.store);
		// A rewrite that stopped between its put and its delete (at-least-once).
		index.move("c-1", DueIndex.NOTHING_DUE, T);
		this.store.put(legacyKey(T, "c-1"), "");

		LegacyDueKeys.rewrite(this.store, index);

		assertThat(index.takeDue(T, 10)).containsExactly("c-1");
		assertThat(keys()).isEmpty();
	}

	/** The key the release before DueIndex wrote. */
	static String legacyKey(long dueAt, String customerId) {
		return "%013d|%s".formatted(dueAt, customerId);
	}

	private List<String> keys() {
		List<String> keys = new ArrayList<>();
		try (KeyValueIterator<String, String> entries = this.store.all()) {
			entries.forEachRemaining((KeyValue<String, String> entry) -> keys.add(entry.key));
		}
		return keys;
	}

}
