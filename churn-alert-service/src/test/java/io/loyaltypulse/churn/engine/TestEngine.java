package io.loyaltypulse.churn.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.churn.alerts.AlertActions;
import io.loyaltypulse.churn.alerts.AlertLifecycle;
import io.loyaltypulse.churn.profile.ProfileUpdates;
import io.loyaltypulse.churn.signals.ArrearsSignal;
import io.loyaltypulse.churn.signals.ComplaintSignal;
import io.loyaltypulse.churn.signals.DetractorSignal;
import io.loyaltypulse.churn.signals.RepeatDeclineSignal;
import io.loyaltypulse.churn.signals.RiskScore;
import io.loyaltypulse.churn.signals.SilenceSignal;
import io.loyaltypulse.churn.silence.BgNbdParameters;
import io.loyaltypulse.churn.silence.SilenceRule;
import io.loyaltypulse.events.ComplaintSeverity;

/**
 * The engine of the tests and the benchmarks: every signal on, with the service's
 * defaults and the published CDNOW fit as the silence model.
 */
public final class TestEngine {

	/** The published BG/NBD fit on CDNOW, in weeks: the service's default model. */
	public static final BgNbdParameters CDNOW = new BgNbdParameters(0.2426, 4.4135, 0.7929, 2.4258);

	/** How long an open alert waits before it escalates. */
	public static final Duration ESCALATE_AFTER = Duration.ofDays(2);

	private TestEngine() {
	}

	/**
	 * @param settleDelay from an event to its customer's check
	 * @param punctuationInterval how often (wall clock) due customers are checked
	 */
	public static ChurnTopology.Engine engine(Duration settleDelay, Duration punctuationInterval) {
		AlertLifecycle lifecycle = new AlertLifecycle(List.of(
				new SilenceSignal(new SilenceRule(3, 10, 39, 0.5), () -> CDNOW),
				new ArrearsSignal(List.of(1, 30, 60, 90), new BigDecimal("1000")), new RepeatDeclineSignal(90, 270, 4),
				new DetractorSignal(Duration.ofDays(30)),
				new ComplaintSignal(Map.of(ComplaintSeverity.LOW, Duration.ofDays(10), ComplaintSeverity.MEDIUM,
						Duration.ofDays(5), ComplaintSeverity.HIGH, Duration.ofDays(2), ComplaintSeverity.CRITICAL,
						Duration.ofDays(1)), Duration.ofDays(30), 3, Duration.ofDays(90))),
				new RiskScore(new BigDecimal("100")), ESCALATE_AFTER, "EUR");
		return new ChurnTopology.Engine(new ProfileUpdates("EUR"), lifecycle, new AlertActions(Duration.ofDays(90)),
				settleDelay, punctuationInterval);
	}

}
