package io.loyaltypulse.churn.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.loyaltypulse.churn.profile.CustomerProfile;
import io.loyaltypulse.churn.profile.SurveyAnswer;
import io.loyaltypulse.events.ChurnAlertSeverity;
import io.loyaltypulse.events.ChurnSignal;

/**
 * {@code DETRACTOR iff the latest scored answer is 0-6}; MEDIUM, HIGH for 0-3, one level
 * higher when the answer before it was a promoter's or a passive's (the customer turned);
 * an answer older than {@code maxAge} when first seen raises nothing.
 */
public final class DetractorSignal implements SignalRule {

	private final Duration maxAge;

	public DetractorSignal(Duration maxAge) {
		this.maxAge = maxAge;
	}

	@Override
	public ChurnSignal signal() {
		return ChurnSignal.DETRACTOR;
	}

	@Override
	public Optional<Finding> evaluate(CustomerProfile profile, Instant now) {
		List<SurveyAnswer> scored = profile.answers().stream().filter((answer) -> answer.score() != null).toList();
		if (scored.isEmpty() || !scored.getLast().isDetractor()) {
			return Optional.empty();
		}
		SurveyAnswer latest = scored.getLast();
		SurveyAnswer before = (scored.size() > 1) ? scored.get(scored.size() - 2) : null;
		boolean turned = before != null && !before.isDetractor();
		ChurnAlertSeverity severity = (latest.score() <= 3) ? ChurnAlertSeverity.HIGH : ChurnAlertSeverity.MEDIUM;
		if (turned) {
			severity = Severities.raise(severity);
		}
		String explanation = "answered %d of 10 to survey %s".formatted(latest.score(), latest.surveyId())
				+ (turned ? " after %d of 10 before: turned detractor".formatted(before.score()) : "");
		Map<String, String> evidence = (turned)
				? Map.of("responseId", latest.responseId(), "score", latest.score().toString(), "previousScore",
						before.score().toString(), "answeredAt", latest.occurredAt().toString())
				: Map.of("responseId", latest.responseId(), "score", latest.score().toString(), "answeredAt",
						latest.occurredAt().toString());
		boolean fresh = !latest.occurredAt().isBefore(now.minus(this.maxAge));
		return Optional
			.of(new Finding(ChurnSignal.DETRACTOR, severity, latest.responseId(), explanation, evidence, fresh));
	}

	/** Only a new answer changes it. */
	@Override
	public long nextChange(CustomerProfile profile, Instant now) {
		return CustomerProfile.NEVER;
	}

}
