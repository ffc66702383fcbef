package io.loyaltypulse.support.ingest;

/**
 * The answer to an accepted event.
 *
 * @param eventId the event's identity: the request's eventId, else its Idempotency-Key,
 * else a generated UUID
 * @param type the event's name, for example {@code SurveyResponded}
 * @param topic the topic it was published on
 * @param seenRecently true when this event id was accepted recently with the same
 * content, in which case it was not published again
 */
public record Accepted(String eventId, String type, String topic, boolean seenRecently) {

}
