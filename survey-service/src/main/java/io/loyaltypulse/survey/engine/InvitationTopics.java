package io.loyaltypulse.survey.engine;

import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.SurveyInvitationDue;
import io.loyaltypulse.schemas.topics.EventTopics;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics the invitation engine reads and writes, resolved once against the
 * configuration.
 *
 * @param purchases input: the purchases that make invitations due
 * @param complaints input: the complaints that suppress them while open
 * @param invitations output: the invitations that fell due, keyed by customer
 */
public record InvitationTopics(Topic<String, SpecificRecord> purchases, Topic<String, SpecificRecord> complaints,
		Topic<String, SurveyInvitationDue> invitations) {

	public static InvitationTopics from(TopicCatalogue catalogue) {
		return new InvitationTopics(catalogue.purchases(), catalogue.complaints(), catalogue.surveyInvitations());
	}

	/**
	 * The topics to create: the inputs with their dead-letter topics, then the output.
	 */
	public static List<NewTopic> newTopics(TopicCatalogue catalogue) {
		List<NewTopic> topics = new ArrayList<>(
				catalogue.newTopics(List.of(EventTopics.PURCHASES, EventTopics.COMPLAINTS), true));
		topics.addAll(catalogue.newTopics(List.of(EventTopics.SURVEY_INVITATIONS), false));
		return topics;
	}

}
