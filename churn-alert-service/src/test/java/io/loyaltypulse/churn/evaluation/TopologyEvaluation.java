package io.loyaltypulse.churn.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.loyaltypulse.churn.alerts.AlertActions;
import io.loyaltypulse.churn.alerts.AlertLifecycle;
import io.loyaltypulse.churn.engine.ChurnTopics;
import io.loyaltypulse.churn.engine.ChurnTopology;
import io.loyaltypulse.churn.engine.Events;
import io.loyaltypulse.churn.evaluation.SimulatedRhythmsEvaluation.Customer;
import io.loyaltypulse.churn.profile.ProfileUpdates;
import io.loyaltypulse.churn.signals.RiskScore;
import io.loyaltypulse.churn.signals.SilenceSignal;
import io.loyaltypulse.churn.silence.BgNbdParameters;
import io.loyaltypulse.churn.silence.SilenceRule;
import io.loyaltypulse.events.ChurnAlertRaised;
import io.loyaltypulse.events.ChurnSignal;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.support.streams.ManagedStreams;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The SILENCE signal as the running service raises it: the simulated population of
 * {@link SimulatedRhythmsEvaluation} fed through the churn topology itself (a
 * {@code TopologyTestDriver}, exactly-once, in-memory stores, the due-time index and its
 * wall-clock punctuator), one day at a time for three years: each day's purchases go in,
 * then the wall clock moves on a day, and every {@code ChurnAlertRaised} of SILENCE is
 * collected. An alert raised from day {@value SimulatedRhythmsEvaluation#EVALUATED_FROM}
 * on is right when the customer stopped for good and never bought again, wrong when they
 * did (the alert was then cleared by the purchase). Recall: customers who stopped (with
 * three repeat purchase days, their last purchase in the evaluated period) with a right
 * alert. The BG/NBD parameters are the ones fitted on day 730, as in the rule's
 * evaluation. Not a test: it measures and prints.
 *
 * <pre>
 * java -cp ... io.loyaltypulse.churn.evaluation.TopologyEvaluation [customers [seed [threshold]]]
 * </pre>
 *
 * (class path as in {@link SimulatedRhythmsEvaluation}).
 */
public final class TopologyEvaluation {

	private TopologyEvaluation() {
	}

	public static void main(String[] args) {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 5_000;
		long seed = (args.length > 1) ? Long.parseLong(args[1]) : 20261130L;
		double threshold = (args.length > 2) ? Double.parseDouble(args[2]) : 0.9;
		List<Customer> customers = SimulatedRhythmsEvaluation.population(count, seed);
		BgNbdParameters model = SimulatedRhythmsEvaluation.fittedOnDay730(customers);
		Instant started = Instant.now();
		Map<Integer, List<Instant>> raised = raisedThroughTheTopology(customers, model, threshold);
		score(customers, raised, "SILENCE through the topology, risk(39 weeks) >= %.2f".formatted(threshold));
		Scoreboard.print("(%d customers, seed %d, %d purchases, %d s)", customers.size(), seed,
				customers.stream().mapToLong((customer) -> customer.days().size()).sum(),
				Duration.between(started, Instant.now()).toSeconds());
	}

	/** The SILENCE alerts raised for each customer (by index), when. */
	private static Map<Integer, List<Instant>> raisedThroughTheTopology(List<Customer> customers, BgNbdParameters model,
			double threshold) {
		ChurnTopics topics = ChurnTopics
			.from(new TopicCatalogue(Map.of("schema.registry.url", "mock://churn-topology-evaluation")));
		AlertLifecycle lifecycle = new AlertLifecycle(
				List.of(new SilenceSignal(new SilenceRule(3, 10, 39, threshold), () -> model)),
				new RiskScore(BigDecimal.valueOf(100)), Duration.ofDays(3650), "EUR");
		ChurnTopology.Engine engine = new ChurnTopology.Engine(new ProfileUpdates("EUR"), lifecycle,
				new AlertActions(Duration.ofDays(90)), Duration.ofMinutes(1), Duration.ofMinutes(1));
		StreamsBuilder builder = new StreamsBuilder();
		ChurnTopology.addTo(builder, topics, engine, ChurnTopology.StateStores.IN_MEMORY, new SimpleMeterRegistry());
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "churn-topology-evaluation");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.putAll(ManagedStreams.guarantees());
		Instant start = SimulatedRhythmsEvaluation.START.atStartOfDay(ZoneOffset.UTC).toInstant();
		Map<Integer, List<Instant>> raised = new HashMap<>();
		try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config, start)) {
			TestInputTopic<String, SpecificRecord> purchases = driver.createInputTopic(topics.purchases().name(),
					new StringSerializer(), topics.purchases().valueSerde().serializer());
			TestOutputTopic<String, SpecificRecord> alerts = driver.createOutputTopic(topics.alerts().name(),
					new StringDeserializer(), topics.alerts().valueSerde().deserializer());
			TreeMap<LocalDate, List<Integer>> buyersByDay = buyersByDay(customers);
			for (int day = 0; day <= SimulatedRhythmsEvaluation.END_DAY; day++) {
				LocalDate date = SimulatedRhythmsEvaluation.START.plusDays(day);
				for (int customer : buyersByDay.getOrDefault(date, List.of())) {
					Instant at = date.atTime(10, 0).toInstant(ZoneOffset.UTC);
					purchases.pipeInput("c-" + customer,
							Events.purchase("c-" + customer, customer + "-" + date, at, "20.00"), at);
				}
				driver.advanceWallClockTime(Duration.ofDays(1));
				for (SpecificRecord event : alerts.readValuesToList()) {
					if (event instanceof ChurnAlertRaised alert
							&& alert.getAlert().getSignal() == ChurnSignal.SILENCE) {
						int customer = Integer.parseInt(alert.getCustomerId().substring(2));
						raised.computeIfAbsent(customer, (any) -> new ArrayList<>()).add(alert.getOccurredAt());
					}
				}
			}
		}
		return raised;
	}

	private static TreeMap<LocalDate, List<Integer>> buyersByDay(List<Customer> customers) {
		TreeMap<LocalDate, List<Integer>> buyers = new TreeMap<>();
		for (int customer = 0; customer < customers.size(); customer++) {
			for (LocalDate day : customers.get(customer).days()) {
				buyers.computeIfAbsent(day, (any) -> new ArrayList<>()).add(customer);
			}
		}
		return buyers;
	}

	private static void score(List<Customer> customers, Map<Integer, List<Instant>> raised, String name) {
		LocalDate from = SimulatedRhythmsEvaluation.START.plusDays(SimulatedRhythmsEvaluation.EVALUATED_FROM);
		long alerts = 0;
		long right = 0;
		long stopped = 0;
		List<Long> delays = new ArrayList<>();
		for (int index = 0; index < customers.size(); index++) {
			Customer customer = customers.get(index);
			LocalDate last = customer.days().last();
			boolean counted = customer.stopped() && customer.days().size() - 1 >= 3 && !last.isBefore(from);
			if (counted) {
				stopped++;
			}
			for (Instant at : raised.getOrDefault(index, List.of())) {
				LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
				// As in the rule's evaluation: silences that began in the evaluated
				// period.
				if (customer.days().lower(day).isBefore(from)) {
					continue;
				}
				alerts++;
				if (customer.stopped() && day.isAfter(last)) {
					right++;
					if (counted) {
						delays.add(ChronoUnit.DAYS
							.between(SimulatedRhythmsEvaluation.START.plusDays(customer.stopDay()), day));
					}
				}
			}
		}
		List<Long> sorted = delays.stream().sorted().toList();
		Scoreboard.print("%-56s %9s %7s %7s %9s", "alerts, days %d to %d"
			.formatted(SimulatedRhythmsEvaluation.EVALUATED_FROM, SimulatedRhythmsEvaluation.END_DAY), "precision",
				"recall", "alerts", "detect");
		Scoreboard.print("%-56s %9.3f %7.3f %7d %9s", name, (alerts > 0) ? right / (double) alerts : 0,
				delays.size() / (double) stopped, alerts,
				(sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2)) + " d");
	}

}
