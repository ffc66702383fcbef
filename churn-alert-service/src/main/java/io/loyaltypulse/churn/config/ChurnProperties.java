package io.loyaltypulse.churn.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.churn.silence.BgNbdParameters;
import io.loyaltypulse.churn.silence.SilenceRule;
import io.loyaltypulse.events.ComplaintSeverity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loyalty.churn.*}: the signals, the alert lifecycle and the silence model.
 *
 * @param valueCurrency the currency of customer value (12-month spend); spend in other
 * currencies is not converted and does not count
 * @param punctuationInterval how often (wall clock) due customers are checked
 * @param settleDelay from an event to its customer's check, so a burst is judged once
 * @param escalateAfter an OPEN alert nobody acknowledged escalates after this long
 * @param maxSnooze the longest snooze
 * @param riskValueUnit the unit of spend in the risk score (see RiskScore)
 * @param actionTimeout how long an action over HTTP waits for the topology's answer
 * @param silence the SILENCE signal
 * @param model the silence model's fit
 * @param arrears the ARREARS signal
 * @param repeatDecline the REPEAT_DECLINE signal
 * @param detractor the DETRACTOR signal
 * @param complaint the COMPLAINT signal
 * @param scorecard the loyalty scorecard's commerce figures
 */
@ConfigurationProperties("loyalty.churn")
public record ChurnProperties(@DefaultValue("EUR") String valueCurrency,
		@DefaultValue("1m") Duration punctuationInterval, @DefaultValue("1m") Duration settleDelay,
		@DefaultValue("2d") Duration escalateAfter, @DefaultValue("90d") Duration maxSnooze,
		@DefaultValue("100") BigDecimal riskValueUnit, @DefaultValue("5s") Duration actionTimeout,
		@DefaultValue Silence silence, @DefaultValue Model model, @DefaultValue Arrears arrears,
		@DefaultValue RepeatDecline repeatDecline, @DefaultValue Detractor detractor, @DefaultValue Complaint complaint,
		@DefaultValue Scorecard scorecard) {

	public ChurnProperties {
		if (!valueCurrency.matches("[A-Z]{3}")) {
			throw new IllegalArgumentException(
					"loyalty.churn.value-currency must be an ISO 4217 code, not " + valueCurrency);
		}
		if (punctuationInterval.compareTo(Duration.ofMillis(100)) < 0 || settleDelay.isNegative()) {
			throw new IllegalArgumentException(
					"loyalty.churn.punctuation-interval must be at least 100ms and settle-delay not negative");
		}
	}

	/**
	 * @param minRepeatPurchases repeat purchase days before a customer counts as regular
	 * @param maxGaps the latest gaps the customer's median rhythm is taken over
	 * @param horizonWeeks the horizon of the silence risk, in weeks
	 * @param riskThreshold the probability of no purchase over the horizon that raises
	 * the alert
	 */
	public record Silence(@DefaultValue("3") int minRepeatPurchases, @DefaultValue("10") int maxGaps,
			@DefaultValue("39") double horizonWeeks, @DefaultValue("0.5") double riskThreshold) {

		public SilenceRule rule() {
			return new SilenceRule(this.minRepeatPurchases, this.maxGaps, this.horizonWeeks, this.riskThreshold);
		}

	}

	/**
	 * The BG/NBD population parameters (in weeks): fitted on the customers held, or the
	 * defaults while fewer than {@code minimumCustomers} are known.
	 *
	 * @param minimumCustomers customers with a purchase needed for a fit
	 * @param refitInterval how often the model is fitted again
	 * @param defaults the parameters in force until a fit: by default the published fit
	 * on CDNOW (Fader, Hardie and Lee 2005)
	 */
	public record Model(@DefaultValue("500") int minimumCustomers, @DefaultValue("6h") Duration refitInterval,
			@DefaultValue( {
					"0.2426", "4.4135", "0.7929", "2.4258" }) List<Double> defaults){

		public Model {
			if (defaults.size() != 4) {
				throw new IllegalArgumentException("loyalty.churn.model.defaults needs r, alpha, a and b");
			}
		}

		public BgNbdParameters defaultParameters() {
			return new BgNbdParameters(this.defaults.get(0), this.defaults.get(1), this.defaults.get(2),
					this.defaults.get(3));
		}

	}

	/**
	 * @param severityDays days overdue from which LOW, MEDIUM, HIGH and CRITICAL apply
	 * @param highAmount the unpaid amount (in one currency) that raises the severity
	 */
	public record Arrears(@DefaultValue( {
			"1", "30", "60", "90" }) List<Integer> severityDays, @DefaultValue("1000") BigDecimal highAmount){
	}

	/**
	 * @param recentWindow the recent window, ending today
	 * @param earlierWindow the window before it, the customer's own yardstick
	 * @param minEarlierPurchaseDays purchase days needed in the earlier window
	 */
	public record RepeatDecline(@DefaultValue("90d") Duration recentWindow,
			@DefaultValue("270d") Duration earlierWindow, @DefaultValue("4") int minEarlierPurchaseDays) {
	}

	/**
	 * @param maxAge an answer older than this when first seen raises nothing
	 */
	public record Detractor(@DefaultValue("30d") Duration maxAge) {
	}

	/**
	 * @param sla the time to resolve a complaint, by severity (application.yaml has the
	 * defaults)
	 * @param unsatisfiedMaxAge how long a resolution the customer was not satisfied with
	 * keeps the condition
	 * @param repeatedCount complaints within repeated-window that count as repeated
	 * @param repeatedWindow the window of repeated complaints
	 */
	public record Complaint(Map<ComplaintSeverity, Duration> sla, @DefaultValue("30d") Duration unsatisfiedMaxAge,
			@DefaultValue("3") int repeatedCount, @DefaultValue("90d") Duration repeatedWindow) {
	}

	/**
	 * @param quarters the calendar quarters (UTC) the scorecard keeps per customer; an
	 * event of an earlier quarter than the customer's latest {@code quarters} changes no
	 * figure (the figures of those quarters are final)
	 */
	public record Scorecard(@DefaultValue("8") int quarters) {

		public Scorecard {
			if (quarters < 1 || quarters > 40) {
				throw new IllegalArgumentException("loyalty.churn.scorecard.quarters must be 1 to 40, not " + quarters);
			}
		}

	}

}
