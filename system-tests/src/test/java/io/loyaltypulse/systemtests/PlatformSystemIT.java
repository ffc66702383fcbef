package io.loyaltypulse.systemtests;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.loyaltypulse.systemtests.Http.Answer;
import io.loyaltypulse.testsupport.ManagedProcess;
import io.loyaltypulse.testsupport.TestApiKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four packaged services on the real broker and the real registry, used only over
 * their public HTTP APIs, as a shop's platform and its CRM use them (DESIGN.md, "How it
 * is tested", layer 3). The stack starts once for the class; the scenarios run in order
 * on it; the summary line is printed at the end, whatever happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformSystemIT {

	private final Tally tally = new Tally();

	private final Http http = new Http(TestApiKeys.ALL_SCOPES);

	private final Instant started = Instant.now();

	private SystemStack stack;

	private String detractorAlertId;

	private Faults faults;

	private CrmWebhooks webhooks;

	private Holdings holdings;

	@BeforeAll
	void startTheStack() throws Exception {
		this.stack = SystemStack.start(this.http.client(), PlatformSystemIT.class);
		// The CRM subscribes before any event is sent: every alert change is delivered.
		this.webhooks = new CrmWebhooks(this.stack, this.http, WebhookReceiver.start());
		this.webhooks.subscribe();
		this.holdings = new Holdings(this.stack, this.http);
		this.faults = new Faults(this.stack, this.http, this.tally, this.holdings, this.webhooks);
	}

	@AfterAll
	void stopTheStackAndSummarise() {
		if (this.webhooks != null) {
			this.tally.webhooksDelivered = this.webhooks.delivered();
			this.tally.webhooksVerified = this.webhooks.verified();
			this.webhooks.close();
		}
		if (this.stack != null) {
			this.stack.close();
		}
		this.tally.retries = this.http.retries();
		this.tally.unavailable = this.http.unavailable();
		// The one line a reader of the build log looks for (the README's test section
		// names it).
		System.out.println(this.tally.line(Duration.between(this.started, Instant.now()).toSeconds()));
		this.tally.faultReports.forEach((fault) -> System.out.println("  fault: " + fault));
		this.tally.unansweredBadInputs.forEach((c) -> System.out.println("  unanswered bad input: " + c));
	}

	@Test
	@Order(1)
	void shouldKeepAShopsMonthExactlyOverHttp() {
		this.tally.scenarios++;
		ShopsMonth month = new ShopsMonth(this.stack, this.http, this.tally, this.holdings);
		month.run();
		this.detractorAlertId = month.detractorAlertId();
		assertThat(this.tally.lost).as("events lost").isZero();
		assertThat(this.tally.doubled).as("events counted twice").isZero();
		this.webhooks.assertRaisedThenClearedDelivered("month-arrears");
	}

	@Test
	@Order(2)
	void shouldAnswerEveryBadInputWithAProblemAndStayHealthy() throws Exception {
		this.tally.scenarios++;
		BadInputSweep sweep = new BadInputSweep(this.stack, this.http, this.detractorAlertId,
				this.webhooks.subscriptionId());
		List<String> unanswered = sweep.run();
		this.tally.badInputs += sweep.size();
		this.tally.unansweredBadInputs.addAll(unanswered);
		assertThat(sweep.size()).as("bad inputs sent").isGreaterThanOrEqualTo(60);
		for (ManagedProcess service : this.stack.services().values()) {
			Answer readiness = this.http
				.sendOnce(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/health/readiness")).build());
			assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
		}
		assertThat(unanswered).as("bad inputs not answered with a 4xx problem naming the field or reason").isEmpty();
	}

	@Test
	@Order(3)
	void shouldLoseNoPointAndDoubleNoneWhenPointsServiceIsKilledMidStream() throws Exception {
		this.tally.scenarios++;
		this.faults.killPointsServiceMidStream();
	}

	@Test
	@Order(4)
	void shouldCountEveryAnswerOnceWhenSurveyServiceIsKilledMidStream() throws Exception {
		this.tally.scenarios++;
		this.faults.killSurveyServiceMidStream();
	}

	@Test
	@Order(5)
	void shouldRaiseEveryAlertOnceWhenChurnAlertServiceIsKilledMidStream() throws Exception {
		this.tally.scenarios++;
		this.faults.killChurnAlertServiceMidStream();
	}

	@Test
	@Order(6)
	void shouldLoseNothingWhenTheBrokerRestartsMidStream() throws Exception {
		this.tally.scenarios++;
		this.faults.restartTheBrokerMidStream();
	}

	@Test
	@Order(7)
	void shouldLoseNothingAndDeadLetterNothingWhenTheRegistryIsStopped() throws Exception {
		this.tally.scenarios++;
		this.faults.stopTheRegistryWhileEventsFlow();
		assertThat(this.stack.deadLetters()).as("records on dead-letter topics").isEmpty();
	}

	@Test
	@Order(8)
	void shouldDeliverEveryWebhookInOrderWhenTheReceiverIsDownForAWhile() {
		this.tally.scenarios++;
		this.faults.webhookReceiverDownForAWhile();
	}

	@Test
	@Order(9)
	void shouldWaitForTheRegistryWhenChurnAlertServiceRestartsWithoutIt() throws Exception {
		this.tally.scenarios++;
		this.faults.restartChurnAlertServiceWhileTheRegistryIsDown();
	}

}
