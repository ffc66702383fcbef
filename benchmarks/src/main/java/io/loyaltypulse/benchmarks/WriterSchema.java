package io.loyaltypulse.benchmarks;

import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.schemas.topics.EventTopics;
import org.apache.avro.Schema;

/**
 * The schema a PurchaseCompleted is written and read with, and the topic it goes to.
 */
enum WriterSchema {

	/**
	 * The {@code purchases} topic's union (PurchaseCompleted | PurchaseRefunded), as the
	 * topic catalogue configures the serde: what production does.
	 */
	TOPIC_UNION("purchases", EventTopics.PURCHASES.valueSchema()),

	/**
	 * The PurchaseCompleted record schema alone, to see what the union costs.
	 */
	RECORD("purchase-completed", PurchaseCompleted.getClassSchema());

	private final String topic;

	private final Schema schema;

	WriterSchema(String topic, Schema schema) {
		this.topic = topic;
		this.schema = schema;
	}

	String topic() {
		return this.topic;
	}

	Schema schema() {
		return this.schema;
	}

}
