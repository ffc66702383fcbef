package io.loyaltypulse.survey.engine;

import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.NpsScoreUpdated;
import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.schemas.topics.EventTopics;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics the NPS engine reads and writes, resolved once against the configuration
 * (names from {@code loyalty.topics.*}, serdes for the schema registry).
 *
 * @param surveyResponses input: survey answers, keyed by customer
 * @param npsScores output: the counts of each changed slice-day, keyed by slice
 */
public record NpsTopics(Topic<String, SurveyResponded> surveyResponses, Topic<String, NpsScoreUpdated> npsScores) {

	public static NpsTopics from(TopicCatalogue catalogue) {
		return new NpsTopics(catalogue.surveyResponses(), catalogue.npsScores());
	}

	/** The topics to create: the input with its dead-letter topic, then the output. */
	public static List<NewTopic> newTopics(TopicCatalogue catalogue) {
		List<NewTopic> topics = new ArrayList<>(catalogue.newTopics(List.of(EventTopics.SURVEY_RESPONSES), true));
		topics.addAll(catalogue.newTopics(List.of(EventTopics.NPS_SCORES), false));
		return topics;
	}

}
