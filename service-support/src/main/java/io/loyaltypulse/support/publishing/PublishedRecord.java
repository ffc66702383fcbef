package io.loyaltypulse.support.publishing;

/** Where Kafka stored an acknowledged event. */
public record PublishedRecord(String topic, int partition, long offset) {

}
