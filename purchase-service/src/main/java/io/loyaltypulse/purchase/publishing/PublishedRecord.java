package io.loyaltypulse.purchase.publishing;

/** Where Kafka stored an acknowledged event. */
public record PublishedRecord(String topic, int partition, long offset) {

}
