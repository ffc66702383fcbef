package io.loyaltypulse.churn.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.loyaltypulse.churn.profile.CustomerProfile;
import io.loyaltypulse.churn.profile.OpenComplaint;
import io.loyaltypulse.churn.profile.UnsatisfiedResolution;
import io.loyaltypulse.events.ChurnAlertSeverity;
import io.loyaltypulse.events.ChurnSignal;
import io.loyaltypulse.events.ComplaintSeverity;

/**
 * {@code COMPLAINT iff an open complaint is past its SLA, or one was resolved without satisfying the customer within maxAge, or repeatedCount complaints were filed within repeatedWindow};
 * the most severe of them speaks: past SLA by the complaint's own severity (at least
 * MEDIUM), unsatisfied HIGH, repeated MEDIUM.
 */
public final class ComplaintSignal implements SignalRule {

	private final Map<ComplaintSeverity, Duration> slas;

	private final Duration unsatisfiedMaxAge;

	private final int repeatedCount;

	private final Duration repeatedWindow;

	/**
	 * @param slas the time to resolve a complaint, by its severity (every severity)
	 * @param unsatisfiedMaxAge how long an unsatisfying resolution keeps the condition
	 * @param repeatedCount complaints that count as repeated
	 * @param repeatedWindow within this long
	 */
	public ComplaintSignal(Map<ComplaintSeverity, Duration> slas, Duration unsatisfiedMaxAge, int repeatedCount,
			Duration repeatedWindow) {
		for (ComplaintSeverity severity : ComplaintSeverity.values()) {
			if (slas.get(severity) == null || slas.get(severity).isNegative() || slas.get(severity).isZero()) {
				throw new IllegalArgumentException("loyalty.churn.complaint.sla needs a positive duration for "
						+ severity + ", got " + slas.get(severity));
			}
		}
		if (repeatedCount < 2) {
			throw new IllegalArgumentException("loyalty.churn.complaint.repeated-count must be at least 2");
		}
		this.slas = new EnumMap<>(slas);
		this.unsatisfiedMaxAge = unsatisfiedMaxAge;
		this.repeatedCount = repeatedCount;
		this.repeatedWindow = repeatedWindow;
	}

	@Override
	public ChurnSignal signal() {
		return ChurnSignal.COMPLAINT;
	}

	@Override
	public Optional<Finding> evaluate(CustomerProfile profile, Instant now) {
		List<Finding> findings = new ArrayList<>();
		pastSla(profile, now).ifPresent(findings::add);
		unsatisfied(profile, now).ifPresent(findings::add);
		repeated(profile, now).ifPresent(findings::add);
		return findings.stream().max(Comparator.comparing(Finding::severity));
	}

	private Optional<Finding> pastSla(CustomerProfile profile, Instant now) {
		return profile.openComplaints()
			.stream()
			.filter((complaint) -> !deadline(complaint).isAfter(now))
			.min(Comparator.comparing(this::deadline))
			.map((complaint) -> {
				long overdueHours = Duration.between(deadline(complaint), now).toHours();
				ChurnAlertSeverity severity = switch (complaint.severity()) {
					case CRITICAL -> ChurnAlertSeverity.CRITICAL;
					case HIGH -> ChurnAlertSeverity.HIGH;
					default -> ChurnAlertSeverity.MEDIUM;
				};
				String explanation = "%s complaint %s (%s) unresolved %s past its %s SLA".formatted(
						complaint.severity(), complaint.complaintId(), complaint.category(), hoursOrDays(overdueHours),
						hoursOrDays(this.slas.get(complaint.severity()).toHours()));
				return new Finding(ChurnSignal.COMPLAINT, severity, complaint.complaintId(), explanation,
						Map.of("complaintId", complaint.complaintId(), "complaintSeverity", complaint.severity().name(),
								"filedAt", complaint.filedAt().toString(), "reason", "PAST_SLA"),
						true);
			});
	}

	private Optional<Finding> unsatisfied(CustomerProfile profile, Instant now) {
		UnsatisfiedResolution resolution = profile.lastUnsatisfied();
		if (resolution == null || !resolution.resolvedAt().plus(this.unsatisfiedMaxAge).isAfter(now)) {
			return Optional.empty();
		}
		return Optional.of(new Finding(ChurnSignal.COMPLAINT, ChurnAlertSeverity.HIGH, resolution.complaintId(),
				"complaint %s was resolved but the customer was not satisfied".formatted(resolution.complaintId()),
				Map.of("complaintId", resolution.complaintId(), "resolvedAt", resolution.resolvedAt().toString(),
						"reason", "UNSATISFIED"),
				true));
	}

	private Optional<Finding> repeated(CustomerProfile profile, Instant now) {
		Instant windowStart = now.minus(this.repeatedWindow);
		List<Instant> recent = profile.complaintsFiled().stream().filter((at) -> at.isAfter(windowStart)).toList();
		if (recent.size() < this.repeatedCount) {
			return Optional.empty();
		}
		return Optional.of(new Finding(ChurnSignal.COMPLAINT, ChurnAlertSeverity.MEDIUM, "repeated",
				"filed %d complaints in the last %d days".formatted(recent.size(), this.repeatedWindow.toDays()),
				Map.of("complaints", Integer.toString(recent.size()), "windowDays",
						Long.toString(this.repeatedWindow.toDays()), "reason", "REPEATED"),
				true));
	}

	/**
	 * The next SLA deadline, the end of an unsatisfying resolution or of a repetition.
	 */
	@Override
	public long nextChange(CustomerProfile profile, Instant now) {
		long next = CustomerProfile.NEVER;
		for (OpenComplaint complaint : profile.openComplaints()) {
			next = later(next, deadline(complaint), now);
		}
		if (profile.lastUnsatisfied() != null) {
			next = later(next, profile.lastUnsatisfied().resolvedAt().plus(this.unsatisfiedMaxAge), now);
		}
		for (Instant filed : profile.complaintsFiled()) {
			next = later(next, filed.plus(this.repeatedWindow), now);
		}
		return next;
	}

	private static long later(long next, Instant at, Instant now) {
		return at.isAfter(now) ? Math.min(next, at.toEpochMilli()) : next;
	}

	private Instant deadline(OpenComplaint complaint) {
		return complaint.filedAt().plus(this.slas.get(complaint.severity()));
	}

	private static String hoursOrDays(long hours) {
		return (hours < 48) ? hours + "h" : (hours / 24) + "d";
	}

}
