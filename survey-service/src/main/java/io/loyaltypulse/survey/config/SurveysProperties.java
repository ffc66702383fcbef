package io.loyaltypulse.survey.config;

import java.time.Duration;

import io.loyaltypulse.survey.invitations.InvitationPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loyalty.surveys.*}: post-purchase survey invitations.
 *
 * @param inviteAfter from a purchase to its invitation
 * @param minInterval the least time between two invitations of a customer, at least
 * invite-after
 * @param maxLateness a purchase whose invitation fell due longer ago than this when the
 * purchase arrives (a backfill) makes none
 * @param punctuationInterval how often (wall clock) what fell due is sent
 */
@ConfigurationProperties("loyalty.surveys")
public record SurveysProperties(@DefaultValue("7d") Duration inviteAfter, @DefaultValue("90d") Duration minInterval,
		@DefaultValue("2d") Duration maxLateness, @DefaultValue("1m") Duration punctuationInterval) {

	public SurveysProperties {
		policy(inviteAfter, minInterval, maxLateness);
		if (punctuationInterval.compareTo(Duration.ofMillis(100)) < 0) {
			throw new IllegalArgumentException(
					"loyalty.surveys.punctuation-interval must be at least 100ms, not " + punctuationInterval);
		}
	}

	public InvitationPolicy policy() {
		return policy(this.inviteAfter, this.minInterval, this.maxLateness);
	}

	private static InvitationPolicy policy(Duration inviteAfter, Duration minInterval, Duration maxLateness) {
		return new InvitationPolicy(inviteAfter, minInterval, maxLateness);
	}

}
