package io.loyaltypulse.schemas.topics;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Every topic of a deployment, from the catalogue: each topic of {@link EventTopics} with
 * its dead-letter topic (except those in {@link #WITHOUT_DEAD_LETTER_TOPIC}), plus the
 * topics named on the command line that have no schema in the catalogue yet, all with the
 * same partitions and an event retention ({@link TopicProvisioner}).
 * <p>
 * A command line tool, so that scripts create topics from the catalogue instead of a copy
 * of it; {@code deploy/local/start.sh} runs it:
 *
 * <pre>
 * java -cp ... io.loyaltypulse.schemas.topics.TopicPlan --bootstrap-server 127.0.0.1:9092 \
 *     [--partitions 6] [--replication-factor 1] [--retention-ms MILLIS] [--raise-retention] [--dry-run] \
 *     [EXTRA_TOPIC ...]
 * </pre>
 *
 * It creates what is missing and leaves what exists as it is, but with
 * {@code --raise-retention} it raises the {@code retention.ms} of a planned topic that
 * keeps records for less than the plan (raising never deletes anything). It fails when an
 * extra topic is one of the catalogue's (a second copy of it could drift) and when an
 * existing topic has another partition count. {@code --dry-run} prints the plan without
 * connecting.
 */
public final class TopicPlan {

	/**
	 * The catalogue's topics that get no dead-letter topic: no consumer of theirs parks
	 * records (the outcome listeners of points-service and churn-alert-service skip what
	 * they cannot read; tier events, NPS scores and survey invitations are read outside
	 * Loyalty Pulse, by CRMs, dashboards and the platform's survey tool).
	 */
	public static final Set<String> WITHOUT_DEAD_LETTER_TOPIC = Set.of(EventTopics.POINTS_REQUEST_OUTCOMES.key(),
			EventTopics.POINTS_TIER_EVENTS.key(), EventTopics.NPS_SCORES.key(), EventTopics.SURVEY_INVITATIONS.key(),
			EventTopics.CHURN_ALERT_ACTION_OUTCOMES.key(), EventTopics.WEBHOOK_SUBSCRIPTIONS.key());

	/**
	 * The catalogue topics whose latest record per key is the state
	 * (churn-alert-service's webhooks): compacted, never deleted by time; their
	 * dead-letter topics are not.
	 */
	public static final Set<String> COMPACTED = Set.of(EventTopics.WEBHOOK_SUBSCRIPTIONS.key(),
			EventTopics.WEBHOOK_DELIVERIES.key());

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private TopicPlan() {
	}

	/**
	 * The topics to create: the catalogue's in its order, each followed by its
	 * dead-letter topic where it has one, then the extra topics in the given order.
	 * @param catalogue names, partitions and replication factor
	 * @param extraTopics topics outside the catalogue, by full name (a dead-letter topic
	 * as {@code name.DLT})
	 * @throws IllegalArgumentException when an extra topic is planned already
	 */
	public static List<NewTopic> newTopics(TopicCatalogue catalogue, Collection<String> extraTopics) {
		List<NewTopic> topics = new ArrayList<>();
		for (TopicDefinition<?> definition : EventTopics.all()) {
			List<NewTopic> planned = catalogue.newTopics(List.of(definition),
					!WITHOUT_DEAD_LETTER_TOPIC.contains(definition.key()));
			if (COMPACTED.contains(definition.key())) {
				planned.getFirst()
					.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
			}
			topics.addAll(planned);
		}
		Set<String> planned = new LinkedHashSet<>(topics.stream().map(NewTopic::name).toList());
		for (String extra : extraTopics) {
			if (!planned.add(extra)) {
				throw new IllegalArgumentException(extra + " is planned already (the catalogue in schemas, "
						+ "io.loyaltypulse.schemas.topics.EventTopics, defines it, or it is named twice): "
						+ "do not name it again");
			}
			topics.add(catalogue.newTopic(extra));
		}
		return topics;
	}

	public static void main(String[] args) {
		try {
			System.exit(run(args, System.out));
		}
		catch (IllegalArgumentException ex) {
			System.err.println("TopicPlan: " + ex.getMessage());
			System.exit(2);
		}
		catch (RuntimeException ex) {
			System.err.println("TopicPlan: " + ex.getMessage());
			System.exit(1);
		}
	}

	static int run(String[] args, PrintStream out) {
		Options options = Options.parse(args);
		TopicCatalogue catalogue = new TopicCatalogue(options.catalogueConfig());
		List<NewTopic> topics = newTopics(catalogue, options.extraTopics());
		List<String> names = topics.stream().map(NewTopic::name).toList();
		out.printf("%d topics, %d partitions each, retention %s: %s%n", names.size(), catalogue.partitions(),
				RetentionCheck.describe(options.retention().toMillis()), String.join(" ", names));
		if (options.dryRun()) {
			return 0;
		}
		try (Admin admin = Admin.create(options.adminConfig())) {
			provision(admin, topics, options, out);
		}
		return 0;
	}

	static void provision(Admin admin, List<NewTopic> topics, Options options, PrintStream out) {
		Set<String> existing = get(admin.listTopics().names());
		new TopicProvisioner(admin, TIMEOUT).withRetention(options.retention()).ensure(topics);
		List<String> created = topics.stream().map(NewTopic::name).filter((name) -> !existing.contains(name)).toList();
		if (created.isEmpty()) {
			out.printf("All %d topics exist.%n", topics.size());
		}
		else {
			out.printf("Created %d topics: %s%n", created.size(), String.join(" ", created));
		}
		if (options.raiseRetention()) {
			raiseRetention(admin, topics.stream().map(NewTopic::name).filter(existing::contains).toList(),
					options.retention(), out);
		}
	}

	/**
	 * Raises {@code retention.ms} of the topics that keep records for less than
	 * {@code retention}; one that keeps them longer, or forever, is left alone.
	 */
	private static void raiseRetention(Admin admin, List<String> topics, Duration retention, PrintStream out) {
		if (topics.isEmpty()) {
			return;
		}
		Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
		RetentionCheck.retentions(admin, topics, TIMEOUT).forEach((topic, current) -> {
			if (current != null && current >= 0 && current < retention.toMillis()) {
				changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic),
						List.of(new AlterConfigOp(
								new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis())),
								AlterConfigOp.OpType.SET)));
			}
		});
		if (changes.isEmpty()) {
			return;
		}
		get(admin.incrementalAlterConfigs(changes).all());
		out.printf("Raised retention.ms to %d (%s) on %d topics that kept records for less: %s%n", retention.toMillis(),
				RetentionCheck.describe(retention.toMillis()), changes.size(),
				String.join(" ", changes.keySet().stream().map(ConfigResource::name).sorted().toList()));
	}

	private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
		try {
			return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		catch (Exception ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new IllegalStateException("Topic administration failed: " + cause.getMessage(), cause);
		}
	}

	/** The command line. */
	record Options(String bootstrapServers, String partitions, String replicationFactor, Duration retention,
			boolean raiseRetention, boolean dryRun, List<String> extraTopics) {

		static final String USAGE = "usage: TopicPlan --bootstrap-server HOST:PORT [--partitions N] "
				+ "[--replication-factor N] [--retention-ms MILLIS] [--raise-retention] [--dry-run] [EXTRA_TOPIC ...]";

		static Options parse(String[] args) {
			String bootstrapServers = null;
			String partitions = null;
			String replicationFactor = null;
			Duration retention = TopicProvisioner.DEFAULT_EVENT_RETENTION;
			boolean raiseRetention = false;
			boolean dryRun = false;
			List<String> extraTopics = new ArrayList<>();
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--bootstrap-server" -> bootstrapServers = value(args, ++i);
					case "--partitions" -> partitions = value(args, ++i);
					case "--replication-factor" -> replicationFactor = value(args, ++i);
					case "--retention-ms" -> retention = retention(value(args, ++i));
					case "--raise-retention" -> raiseRetention = true;
					case "--dry-run" -> dryRun = true;
					default -> {
						if (args[i].startsWith("-") || args[i].isBlank()) {
							throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
						}
						extraTopics.add(args[i]);
					}
				}
			}
			if (bootstrapServers == null && !dryRun) {
				throw new IllegalArgumentException("--bootstrap-server is required; " + USAGE);
			}
			return new Options(bootstrapServers, partitions, replicationFactor, retention, raiseRetention, dryRun,
					List.copyOf(extraTopics));
		}

		private static String value(String[] args, int index) {
			if (index >= args.length) {
				throw new IllegalArgumentException(args[index - 1] + " needs a value; " + USAGE);
			}
			return args[index];
		}

		private static Duration retention(String millis) {
			try {
				Duration retention = Duration.ofMillis(Long.parseLong(millis));
				if (retention.isNegative() || retention.isZero()) {
					throw new IllegalArgumentException("--retention-ms must be positive, got " + millis);
				}
				return retention;
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--retention-ms must be a number of milliseconds, got " + millis);
			}
		}

		Map<String, Object> catalogueConfig() {
			Map<String, Object> config = new HashMap<>();
			if (this.partitions != null) {
				config.put(TopicCatalogue.PARTITIONS, this.partitions);
			}
			if (this.replicationFactor != null) {
				config.put(TopicCatalogue.REPLICATION_FACTOR, this.replicationFactor);
			}
			return config;
		}

		Map<String, Object> adminConfig() {
			return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
					AdminClientConfig.CLIENT_ID_CONFIG, "topic-plan");
		}

	}

}
