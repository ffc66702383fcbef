package io.loyaltypulse.schemas.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a service declares and checks the ones that exist. Existing topics
 * are never changed, but one whose partition count differs from the declaration fails
 * start-up: co-partitioned topics with different counts would send one customer's events
 * to different Streams tasks, silently.
 */
public final class TopicProvisioner {

	private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

	private final Admin admin;

	private final Duration timeout;

	public TopicProvisioner(Admin admin, Duration timeout) {
		this.admin = admin;
		this.timeout = timeout;
	}

	/**
	 * Attempts before a retriable failure (a topic not yet in the metadata) fails
	 * start-up.
	 */
	private static final int ATTEMPTS = 5;

	/**
	 * Creates the missing topics; fails if an existing one has another partition count.
	 * Instances starting together race to create the same topics, and a topic another
	 * instance just created can be missing from the metadata for a moment: a retriable
	 * failure is retried, with a growing pause.
	 */
	public void ensure(Collection<NewTopic> declared) {
		for (int attempt = 1;; attempt++) {
			try {
				ensureOnce(declared);
				return;
			}
			catch (KafkaException ex) {
				if (attempt == ATTEMPTS || !(ex.getCause() instanceof RetriableException)) {
					throw ex;
				}
				log.info("Topic provisioning attempt {} failed ({}); retrying", attempt, ex.getMessage());
				pause(Duration.ofSeconds(attempt));
			}
		}
	}

	private void ensureOnce(Collection<NewTopic> declared) {
		Map<String, NewTopic> byName = declared.stream()
			.collect(Collectors.toMap(NewTopic::name, Function.identity(), (first, second) -> first));
		Collection<String> existing = await(this.admin.listTopics().names());
		List<NewTopic> missing = byName.values().stream().filter((topic) -> !existing.contains(topic.name())).toList();
		create(missing);
		checkPartitions(byName.values().stream().filter((topic) -> existing.contains(topic.name())).toList());
	}

	private void create(List<NewTopic> missing) {
		if (missing.isEmpty()) {
			return;
		}
		try {
			await(this.admin.createTopics(missing).all());
			log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
		}
		catch (KafkaException ex) {
			// Another instance may have created them between our listing and our request:
			// then they exist.
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
			checkPartitions(missing);
		}
	}

	private void checkPartitions(List<NewTopic> topics) {
		if (topics.isEmpty()) {
			return;
		}
		Map<String, TopicDescription> descriptions = await(
				this.admin.describeTopics(topics.stream().map(NewTopic::name).toList()).allTopicNames());
		List<String> mismatches = new ArrayList<>();
		for (NewTopic topic : topics) {
			int actual = descriptions.get(topic.name()).partitions().size();
			if (topic.numPartitions() > 0 && actual != topic.numPartitions()) {
				mismatches
					.add("%s has %d partitions, expected %d".formatted(topic.name(), actual, topic.numPartitions()));
			}
		}
		if (!mismatches.isEmpty()) {
			throw new IllegalStateException("Topics do not match the configured partition count "
					+ "(loyalty.topics.partitions; co-partitioned topics must be equal): " + mismatches);
		}
	}

	private static void pause(Duration pause) {
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("Interrupted during topic administration", ex);
		}
	}

	private <T> T await(KafkaFuture<T> future) {
		try {
			return future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new KafkaException("Topic administration failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new KafkaException("Topic administration timed out after " + this.timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("Interrupted during topic administration", ex);
		}
	}

}
