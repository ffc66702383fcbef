package io.loyaltypulse.support.kafka;

import io.loyaltypulse.schemas.topics.RetentionCheck;
import io.loyaltypulse.schemas.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Creates a service's missing topics while the application context is built, so before
 * any lifecycle (a topology, a listener) starts reading or writing them, with a retention
 * above the oldest accepted event time; then checks that every one of them keeps records
 * that long, whoever created it, and fails start-up when one does not: a backfilled event
 * on such a topic would be deleted before it is read. Existing topics are never changed;
 * one whose partition count differs from the declaration fails start-up.
 */
class TopicSetup implements InitializingBean {

	private final KafkaProperties kafka;

	private final SupportKafkaProperties properties;

	private final ServiceTopics topics;

	TopicSetup(KafkaProperties kafka, SupportKafkaProperties properties, ServiceTopics topics) {
		this.kafka = kafka;
		this.properties = properties;
		this.topics = topics;
	}

	@Override
	public void afterPropertiesSet() {
		if (!this.properties.provisionTopics() && !this.properties.verifyTopics()) {
			return;
		}
		try (Admin admin = Admin.create(this.kafka.buildAdminProperties())) {
			if (this.properties.provisionTopics()) {
				new TopicProvisioner(admin, this.properties.adminTimeout())
					.withRetention(this.properties.topicRetention())
					.ensure(this.topics.topics());
			}
			if (this.properties.verifyTopics()) {
				RetentionCheck.verify(admin, this.topics.topics().stream().map(NewTopic::name).toList(),
						this.properties.maxEventAge(), this.properties.adminTimeout());
			}
		}
	}

}
