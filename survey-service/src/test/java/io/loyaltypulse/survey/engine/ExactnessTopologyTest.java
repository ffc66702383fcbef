package io.loyaltypulse.survey.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.survey.nps.AnswerCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.loyaltypulse.survey.Answers.response;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random responses, with repeats, corrections, outdated versions and late
 * answers, against a straightforward recount: per customer and responseId the version
 * with the latest occurredAt (the first of equals), counted in the slices and on the day
 * it names. Replayed in another interleaving of customers (each customer's order kept, as
 * Kafka keeps it), the counts are the same. In-memory stores, for speed: the logic is the
 * same on RocksDB (NpsTopologyTest).
 */
class ExactnessTopologyTest {

	static final Instant START = Instant.parse("2026-09-01T00:00:00Z");

	static final String[] STORES = { "S1", "S2", "S3", null };

	static final String[] TOUCHPOINTS = { "DELIVERY", "SUPPORT", "POST_PURCHASE" };

	@Test
	void shouldCountWhatAStraightforwardRecountCountsAndTheSameOnReplay(@TempDir Path first, @TempDir Path second) {
		List<SurveyResponded> responses = randomResponses(new Random(20261120), 5000);
		Map<String, AnswerCounts> expected = recount(responses);

		try (NpsDriver nps = new NpsDriver(NpsTopology.StateStores.IN_MEMORY, first, "store+touchpoint")) {
			responses.forEach(nps::send);
			assertThat(nonEmpty(nps.allCounts())).isEqualTo(expected);
		}
		try (NpsDriver replay = new NpsDriver(NpsTopology.StateStores.IN_MEMORY, second, "store+touchpoint")) {
			reinterleaved(responses, new Random(7)).forEach(replay::send);
			assertThat(nonEmpty(replay.allCounts())).isEqualTo(expected);
		}
	}

	private static List<SurveyResponded> randomResponses(Random random, int count) {
		List<SurveyResponded> responses = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int roll = random.nextInt(10);
			if (roll < 2 && !responses.isEmpty()) {
				// A repeat of an earlier event, or a version of an earlier response.
				SurveyResponded earlier = responses.get(random.nextInt(responses.size()));
				responses.add((roll == 0) ? earlier : version(random, earlier.getCustomerId(), earlier.getResponseId(),
						earlier.getOccurredAt().plus(Duration.ofHours(random.nextInt(96) - 24))));
			}
			else {
				String customer = "c-" + random.nextInt(400);
				responses.add(version(random, customer, customer + "-r" + i,
						START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)))));
			}
		}
		return responses;
	}

	private static SurveyResponded version(Random random, String customer, String responseId, Instant at) {
		Integer score = (random.nextInt(12) == 0) ? null : random.nextInt(11);
		return response(customer, responseId, score, at).setStoreId(STORES[random.nextInt(STORES.length)])
			.setTouchpoint(TOUCHPOINTS[random.nextInt(TOUCHPOINTS.length)])
			.setChannel(random.nextBoolean() ? "WEB" : "APP")
			.build();
	}

	/**
	 * The straightforward recount: the counted version of each response, by slice-day.
	 */
	private static Map<String, AnswerCounts> recount(List<SurveyResponded> responses) {
		Map<String, SurveyResponded> counted = new LinkedHashMap<>();
		for (SurveyResponded response : responses) {
			String id = response.getCustomerId() + "/" + response.getResponseId();
			SurveyResponded current = counted.get(id);
			if (current == null || response.getOccurredAt().isAfter(current.getOccurredAt())) {
				counted.put(id, response);
			}
		}
		Map<String, AnswerCounts> counts = new TreeMap<>();
		for (SurveyResponded response : counted.values()) {
			LocalDate day = LocalDate.ofInstant(response.getOccurredAt(), ZoneOffset.UTC);
			List<String> slices = new ArrayList<>(List.of("all", "channel=" + response.getChannel(),
					"region=" + response.getRegion(), "segment=" + response.getSegment(),
					"touchpoint=" + response.getTouchpoint(), "survey=" + response.getSurveyId()));
			if (response.getStoreId() != null) {
				slices.add("store=" + response.getStoreId());
				slices.add("store=" + response.getStoreId() + "&touchpoint=" + response.getTouchpoint());
			}
			for (String slice : slices) {
				counts.merge(slice + "|" + day, AnswerCounts.NONE.plus(response.getScore(), 1), AnswerCounts::plus);
			}
		}
		return counts;
	}

	/** The same responses, each customer's in its order, customers interleaved anew. */
	private static List<SurveyResponded> reinterleaved(List<SurveyResponded> responses, Random random) {
		Map<String, List<SurveyResponded>> byCustomer = new LinkedHashMap<>();
		responses.forEach((response) -> byCustomer.computeIfAbsent(response.getCustomerId(), (c) -> new ArrayList<>())
			.add(response));
		Map<String, Integer> next = new HashMap<>();
		List<String> customers = new ArrayList<>(byCustomer.keySet());
		List<SurveyResponded> interleaved = new ArrayList<>();
		while (!customers.isEmpty()) {
			String customer = customers.get(random.nextInt(customers.size()));
			int index = next.merge(customer, 1, Integer::sum) - 1;
			interleaved.add(byCustomer.get(customer).get(index));
			if (index + 1 == byCustomer.get(customer).size()) {
				customers.remove(customer);
			}
		}
		return interleaved;
	}

	private static Map<String, AnswerCounts> nonEmpty(Map<String, AnswerCounts> counts) {
		Map<String, AnswerCounts> nonEmpty = new TreeMap<>();
		counts.forEach((key, value) -> {
			if (!value.equals(AnswerCounts.NONE)) {
				nonEmpty.put(key, value);
			}
		});
		return nonEmpty;
	}

}
