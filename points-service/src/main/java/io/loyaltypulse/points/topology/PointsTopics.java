package io.loyaltypulse.points.topology;

import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.ReferralQualified;
import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.schemas.topics.EventTopics;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.schemas.topics.TopicDefinition;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics the points engine reads and writes, resolved once against the configuration
 * (names from {@code loyalty.topics.*}, serdes for the schema registry).
 *
 * @param purchases input: purchases and refunds
 * @param surveyResponses input: survey answers, for the bonus
 * @param requests input: redemption and adjustment requests
 * @param engagements input: reviews and referrals, for their bonuses
 * @param referralRewards input and output: qualified referrals re-keyed by the referrer,
 * so that the task owning the referrer's account credits them
 * @param ledger output: every change of a balance
 * @param outcomes output: the decision on each request
 * @param tierEvents output: tier changes and downgrade warnings
 */
public record PointsTopics(Topic<String, SpecificRecord> purchases, Topic<String, SurveyResponded> surveyResponses,
		Topic<String, SpecificRecord> requests, Topic<String, SpecificRecord> engagements,
		Topic<String, ReferralQualified> referralRewards, Topic<String, PointsTransaction> ledger,
		Topic<String, PointsRequestOutcome> outcomes, Topic<String, SpecificRecord> tierEvents) {

	/**
	 * The topics the points engine reads: co-partitioned, each with a dead-letter topic.
	 */
	public static final List<TopicDefinition<?>> INPUTS = List.of(EventTopics.PURCHASES, EventTopics.SURVEY_RESPONSES,
			EventTopics.POINTS_REQUESTS, EventTopics.ENGAGEMENTS, EventTopics.POINTS_REFERRAL_REWARDS);

	/** The topics the points engine writes. */
	public static final List<TopicDefinition<?>> OUTPUTS = List.of(EventTopics.POINTS_LEDGER,
			EventTopics.POINTS_REQUEST_OUTCOMES, EventTopics.POINTS_TIER_EVENTS);

	/** The topics to create: inputs with their dead-letter topics, then outputs. */
	public static List<NewTopic> newTopics(TopicCatalogue catalogue) {
		List<NewTopic> topics = new ArrayList<>(catalogue.newTopics(INPUTS, true));
		topics.addAll(catalogue.newTopics(OUTPUTS, false));
		return topics;
	}

	/** The names of the inputs, which must be co-partitioned. */
	public List<String> inputNames() {
		return List.of(this.purchases.name(), this.surveyResponses.name(), this.requests.name(),
				this.engagements.name(), this.referralRewards.name());
	}

	public static PointsTopics from(TopicCatalogue catalogue) {
		return new PointsTopics(catalogue.topic(EventTopics.PURCHASES), catalogue.topic(EventTopics.SURVEY_RESPONSES),
				catalogue.topic(EventTopics.POINTS_REQUESTS), catalogue.topic(EventTopics.ENGAGEMENTS),
				catalogue.topic(EventTopics.POINTS_REFERRAL_REWARDS), catalogue.topic(EventTopics.POINTS_LEDGER),
				catalogue.topic(EventTopics.POINTS_REQUEST_OUTCOMES), catalogue.topic(EventTopics.POINTS_TIER_EVENTS));
	}

}
