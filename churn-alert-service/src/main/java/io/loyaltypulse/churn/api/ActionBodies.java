package io.loyaltypulse.churn.api;

import java.time.Instant;

import io.loyaltypulse.events.ChurnAlertAction;
import io.loyaltypulse.events.ChurnAlertActionRequested;
import io.loyaltypulse.support.validation.Violations;

/** The bodies of the five actions on an alert. */
final class ActionBodies {

	static final int MAX_TEXT = 2000;

	static final int MAX_REASON = 500;

	private ActionBodies() {
	}

	/**
	 * {@code POST .../acknowledge}: an optional note is not kept; the body may be empty.
	 */
	record Acknowledge() implements ActionBody {

		@Override
		public ChurnAlertAction action() {
			return ChurnAlertAction.ACKNOWLEDGE;
		}

		@Override
		public void fill(ChurnAlertActionRequested.Builder request) {
		}

		@Override
		public void validate(Violations violations) {
		}

	}

	/** {@code POST .../snooze}: until when, and why. */
	record Snooze(Instant until, String reason) implements ActionBody {

		@Override
		public ChurnAlertAction action() {
			return ChurnAlertAction.SNOOZE;
		}

		@Override
		public void fill(ChurnAlertActionRequested.Builder request) {
			request.setSnoozeUntil(this.until).setReason(this.reason);
		}

		@Override
		public void validate(Violations violations) {
			violations.requirePresent("until", this.until);
			violations.requireText("reason", this.reason, MAX_REASON);
		}

	}

	/** {@code POST .../resolve}: why. */
	record Resolve(String reason) implements ActionBody {

		@Override
		public ChurnAlertAction action() {
			return ChurnAlertAction.RESOLVE;
		}

		@Override
		public void fill(ChurnAlertActionRequested.Builder request) {
			request.setReason(this.reason);
		}

		@Override
		public void validate(Violations violations) {
			violations.requireText("reason", this.reason, MAX_REASON);
		}

	}

	/** {@code POST .../assign}: to whom. */
	record Assign(String assignee) implements ActionBody {

		@Override
		public ChurnAlertAction action() {
			return ChurnAlertAction.ASSIGN;
		}

		@Override
		public void fill(ChurnAlertActionRequested.Builder request) {
			request.setAssignee(this.assignee);
		}

		@Override
		public void validate(Violations violations) {
			violations.requireText("assignee", this.assignee);
		}

	}

	/** {@code POST .../comments}: the text. */
	record Comment(String text) implements ActionBody {

		@Override
		public ChurnAlertAction action() {
			return ChurnAlertAction.COMMENT;
		}

		@Override
		public void fill(ChurnAlertActionRequested.Builder request) {
			request.setComment(this.text);
		}

		@Override
		public void validate(Violations violations) {
			violations.optionalFreeText("text", this.text, MAX_TEXT);
			violations.requirePresent("text", this.text);
		}

	}

}
