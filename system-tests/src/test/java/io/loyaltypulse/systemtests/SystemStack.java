package io.loyaltypulse.systemtests;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.schemas.topics.TopicPlan;
import io.loyaltypulse.schemas.topics.TopicProvisioner;
import io.loyaltypulse.testsupport.ManagedProcess;
import io.loyaltypulse.testsupport.TestApiKeys;
import io.loyaltypulse.testsupport.TestDashboardPasswords;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * The whole platform as deploy/local/start.sh runs it, on free loopback ports: the real
 * Kafka broker (a child process), the real Apicurio registry, the topics of the catalogue
 * (TopicPlan, with their dead-letter topics), and the four packaged services as child
 * JVMs, each with the test API keys and the churn settings of the local stack (customers
 * checked shortly after their latest event). {@link #close()} stops everything it
 * started, in reverse order, also after a failed start.
 */
final class SystemStack implements AutoCloseable {

	static final String PURCHASE = "purchase-service";

	static final String POINTS = "points-service";

	static final String SURVEY = "survey-service";

	static final String CHURN = "churn-alert-service";

	/** The CRM manager who logs in to the dashboard. */
	static final String DASHBOARD_USER = "manager";

	/** Every scope of DESIGN.md, as the local stack's key has them. */
	private static final String ALL_SCOPES = "purchases:write,invoices:write,surveys:write,complaints:write,"
			+ "points:read,points:redeem,points:admin,nps:read,alerts:read,alerts:write,webhooks:admin";

	private final Path workDir;

	private final List<AutoCloseable> started = new ArrayList<>();

	private final Map<String, ManagedProcess> services = new LinkedHashMap<>();

	private KafkaBrokerProcess broker;

	private boolean closed;

	private RegistryProcess registry;

	private SystemStack(Path workDir) {
		this.workDir = workDir;
	}

	/**
	 * @param testClass whose folder under the work directory holds this stack's logs and
	 * data (each test class its own: a later class must not delete an earlier one's logs)
	 */
	static SystemStack start(HttpClient http, Class<?> testClass) throws Exception {
		Path workDir = Path.of(System.getProperty("loyalty.system.work-dir", "target/system"))
			.resolve(testClass.getSimpleName())
			.toAbsolutePath();
		// A fresh cluster, registry and state every run: a broker refuses data formatted
		// for another cluster id.
		deleteRecursively(workDir);
		Files.createDirectories(workDir);
		SystemStack stack = new SystemStack(workDir);
		// Also when the test JVM is stopped from outside (Ctrl-C, failsafe's fork
		// timeout): no child left behind.
		Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "system-stack-stop"));
		try {
			stack.startInfrastructure();
			stack.startServices(http);
			return stack;
		}
		catch (Exception | Error ex) {
			stack.close();
			throw ex;
		}
	}

	private void startInfrastructure() throws Exception {
		this.broker = KafkaBrokerProcess.start(Path.of(property("loyalty.kafka.libs")),
				Path.of(property("loyalty.kafka.log4j")), this.workDir.resolve("kafka"));
		this.started.add(this.broker);
		this.registry = RegistryProcess.start(Path.of(property("loyalty.registry.jar")),
				this.workDir.resolve("registry"));
		this.started.add(this.registry);
		TopicCatalogue catalogue = new TopicCatalogue(Map.of("schema.registry.url", this.registry.confluentApiUrl()));
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			new TopicProvisioner(admin, Duration.ofSeconds(60)).withRetention(TopicProvisioner.DEFAULT_EVENT_RETENTION)
				.ensure(TopicPlan.newTopics(catalogue, List.of()));
		}
	}

	private void startServices(HttpClient http) throws Exception {
		// Started together, then awaited: on two cores the JVM starts overlap with the
		// waiting.
		start(PURCHASE, List.of());
		start(POINTS, List.of());
		start(SURVEY, List.of());
		// Webhooks to the test's receiver on 127.0.0.1, as the local stack allows them;
		// retries on a compressed clock (seconds where production waits hours), enough
		// of them to outlast the receiver's downtime of the webhook scenario.
		List<String> churn = new ArrayList<>(List.of("--loyalty.churn.settle-delay=2s",
				"--loyalty.churn.punctuation-interval=2s", "--loyalty.webhooks.allowed-private-networks=127.0.0.1/32",
				"--loyalty.webhooks.retry-schedule=0s,1s,2s,4s,8s,8s,8s,8s,8s,8s,8s,8s,8s,8s,8s,8s,8s,8s,8s,8s"));
		churn.addAll(dashboard());
		start(CHURN, churn);
		for (ManagedProcess service : this.services.values()) {
			service.awaitReady(http);
		}
	}

	/**
	 * The dashboard of churn-alert-service: one manager, and the keys and addresses of
	 * the APIs it reads (started before it).
	 */
	private List<String> dashboard() {
		return List.of("--loyalty.dashboard.users[0].username=" + DASHBOARD_USER,
				"--loyalty.dashboard.users[0].password-hash=" + TestDashboardPasswords.PASSWORD_HASH,
				"--loyalty.dashboard.api-key=" + TestApiKeys.ALL_SCOPES,
				"--loyalty.dashboard.survey-service.url=" + baseUrl(SURVEY),
				"--loyalty.dashboard.survey-service.api-key=" + TestApiKeys.ALL_SCOPES,
				"--loyalty.dashboard.points-service.url=" + baseUrl(POINTS),
				"--loyalty.dashboard.points-service.api-key=" + TestApiKeys.ALL_SCOPES);
	}

	private void start(String name, List<String> extra) throws Exception {
		List<String> arguments = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers(),
				"--spring.kafka.properties.schema.registry.url=" + this.registry.confluentApiUrl(),
				"--loyalty.streams.instance-id=" + name, "--loyalty.security.api-keys[0].name=platform",
				"--loyalty.security.api-keys[0].sha256=" + TestApiKeys.ALL_SCOPES_SHA256,
				"--loyalty.security.api-keys[0].scopes=" + ALL_SCOPES, "--loyalty.security.api-keys[1].name=reader",
				"--loyalty.security.api-keys[1].sha256=" + TestApiKeys.POINTS_READ_ONLY_SHA256,
				"--loyalty.security.api-keys[1].scopes=points:read"));
		arguments.addAll(extra);
		Path jar = Path.of(property(name + ".jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: the reactor packages " + name
					+ " before system-tests (./mvnw verify from the root, or -pl system-tests -am)");
		}
		this.services.put(name, ManagedProcess.start(name, jar, this.workDir, arguments));
	}

	/**
	 * SIGKILL of a service: no shutdown hook, no commit, no transaction completed, no
	 * consumer group leave.
	 */
	void crash(String service) throws InterruptedException {
		this.services.get(service).crash();
	}

	/**
	 * Starts a crashed service again as a StatefulSet restarts its pod: same port, state
	 * directory, instance id and arguments; returns once it is ready.
	 */
	void restart(String service, HttpClient http) throws IOException {
		restartInBackground(service).awaitReady(http);
	}

	/**
	 * Starts a crashed service again without waiting for it to be ready: for a restart
	 * while something it needs is down.
	 */
	ManagedProcess restartInBackground(String service) throws IOException {
		ManagedProcess again = this.services.get(service).restart();
		this.services.put(service, again);
		return again;
	}

	RegistryProcess registry() {
		return this.registry;
	}

	KafkaBrokerProcess broker() {
		return this.broker;
	}

	String bootstrapServers() {
		return this.broker.bootstrapServers();
	}

	String baseUrl(String service) {
		return this.services.get(service).baseUrl();
	}

	/**
	 * Records on each dead-letter topic ({@code *.DLT}) that holds any: where a service
	 * parks what it cannot process.
	 */
	Map<String, Long> deadLetters() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			List<String> topics = admin.listTopics()
				.names()
				.get(30, TimeUnit.SECONDS)
				.stream()
				.filter((name) -> name.endsWith(".DLT"))
				.toList();
			Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
			admin.describeTopics(topics)
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.values()
				.forEach((topic) -> topic.partitions()
					.forEach((p) -> partitions.put(new TopicPartition(topic.name(), p.partition()),
							OffsetSpec.latest())));
			Map<String, Long> records = new TreeMap<>();
			admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS).forEach((partition, offsets) -> {
				if (offsets.offset() > 0) {
					records.merge(partition.topic(), offsets.offset(), Long::sum);
				}
			});
			return records;
		}
	}

	/**
	 * Records on any topic whose key or value holds {@code marker} (Avro writes strings
	 * as plain UTF-8, so no decoding is needed), read from the beginning to the end
	 * offsets of now.
	 */
	Map<String, Long> recordsContaining(String marker) throws Exception {
		byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
		Map<String, Long> found = new TreeMap<>();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
				KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
						Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
								ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
						new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			admin.describeTopics(admin.listTopics().names().get(30, TimeUnit.SECONDS))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.values()
				.forEach((topic) -> topic.partitions()
					.forEach((p) -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			await("every topic read to its end").atMost(Duration.ofSeconds(120)).until(() -> {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (contains(record.key(), needle) || contains(record.value(), needle)) {
						found.merge(record.topic(), 1L, Long::sum);
					}
				}
				return partitions.stream().allMatch((p) -> consumer.position(p) >= end.get(p));
			});
		}
		return found;
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		if (haystack == null) {
			return false;
		}
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	Map<String, ManagedProcess> services() {
		return this.services;
	}

	Path workDir() {
		return this.workDir;
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		for (ManagedProcess service : this.services.values()) {
			service.close();
		}
		for (int i = this.started.size() - 1; i >= 0; i--) {
			try {
				this.started.get(i).close();
			}
			catch (Exception ex) {
				// Go on: every other process must still be stopped.
			}
		}
		this.started.clear();
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static String property(String name) {
		String value = System.getProperty(name);
		if (value == null) {
			throw new IllegalStateException("System property " + name + " is not set (the failsafe configuration "
					+ "of system-tests sets it)");
		}
		return value;
	}

}
