package io.loyaltypulse.churn.signals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.loyaltypulse.churn.profile.CustomerProfile;
import io.loyaltypulse.churn.silence.BgNbdParameters;
import io.loyaltypulse.churn.silence.SilenceRule;
import io.loyaltypulse.events.ChurnAlertSeverity;
import io.loyaltypulse.events.ChurnSignal;

/**
 * {@code SILENCE iff SilenceRule(purchaseDays, today, model)}: a regular customer silent
 * well beyond their own rhythm ({@link SilenceRule} says how); severity by the silence
 * risk (HIGH from 0.9, MEDIUM from 0.75).
 */
public final class SilenceSignal implements SignalRule {

	private final SilenceRule rule;

	private final Supplier<BgNbdParameters> model;

	/**
	 * @param model the silence model in force, refitted while the service runs
	 */
	public SilenceSignal(SilenceRule rule, Supplier<BgNbdParameters> model) {
		this.rule = rule;
		this.model = model;
	}

	@Override
	public ChurnSignal signal() {
		return ChurnSignal.SILENCE;
	}

	@Override
	public Optional<Finding> evaluate(CustomerProfile profile, Instant now) {
		if (profile.purchaseDays().isEmpty()) {
			return Optional.empty();
		}
		LocalDate today = Days.today(now);
		return this.rule.evaluate(profile.purchaseDays(), today, this.model.get()).map((silence) -> {
			ChurnAlertSeverity severity = (silence.silenceRisk() >= 0.9) ? ChurnAlertSeverity.HIGH
					: (silence.silenceRisk() >= 0.75) ? ChurnAlertSeverity.MEDIUM : ChurnAlertSeverity.LOW;
			Map<String, String> evidence = Map.of("medianGapDays", number(silence.rhythm().medianGapDays()), "gapsUsed",
					Integer.toString(silence.rhythm().gapsUsed()), "daysSilent",
					Long.toString(silence.rhythm().daysSilent()), "silenceRatio",
					number(silence.rhythm().silenceRatio()), "pAlive", number(silence.probabilityAlive()),
					"silenceRisk", number(silence.silenceRisk()), "lastPurchaseDay",
					profile.purchaseDays().last().toString());
			return new Finding(ChurnSignal.SILENCE, severity, profile.purchaseDays().last().toString(),
					silence.explanation(), evidence, true);
		});
	}

	/**
	 * Not in the condition: the day it falls due. In it: tomorrow, while the severity can
	 * still grow; once HIGH, only a purchase changes anything, so a customer who left for
	 * good is not checked every day forever.
	 */
	@Override
	public long nextChange(CustomerProfile profile, Instant now) {
		if (profile.purchaseDays().isEmpty()) {
			return CustomerProfile.NEVER;
		}
		LocalDate today = Days.today(now);
		Optional<Finding> silence = evaluate(profile, now);
		if (silence.isPresent()) {
			return (silence.get().severity() == ChurnAlertSeverity.HIGH) ? CustomerProfile.NEVER
					: Days.startOf(today.plusDays(1));
		}
		return this.rule.dueOn(profile.purchaseDays(), today, this.model.get())
			.map((due) -> Days.startOf(due.isAfter(today) ? due : today.plusDays(1)))
			.orElse(CustomerProfile.NEVER);
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
