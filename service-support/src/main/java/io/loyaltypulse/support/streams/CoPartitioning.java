package io.loyaltypulse.support.streams;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Refuses to start on inputs with different partition counts. A topology that merges its
 * inputs relies on one task seeing all of a customer's events: with 6 partitions of
 * purchases and 12 of points-requests, a customer's redemption would be decided by
 * another task than their purchases, against a different copy of their account. Kafka
 * Streams checks co-partitioning for joins only, not for a merge, so the service does.
 */
public final class CoPartitioning {

	private CoPartitioning() {
	}

	public static void verify(Admin admin, List<String> inputs, Duration timeout) {
		Map<String, TopicDescription> topics;
		try {
			topics = admin.describeTopics(inputs).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot describe the input topics " + inputs + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while describing the input topics", ex);
		}
		Map<String, Integer> partitions = new TreeMap<>();
		topics.forEach((name, description) -> partitions.put(name, description.partitions().size()));
		if (partitions.values().stream().distinct().count() > 1) {
			throw new IllegalStateException("The input topics must have the same number of partitions, so that one "
					+ "task owns all of a customer's events; they have " + partitions
					+ ". Repartition them (a new topic with the right count) before starting the service.");
		}
	}

}
