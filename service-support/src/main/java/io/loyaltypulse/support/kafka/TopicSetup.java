package io.loyaltypulse.support.kafka;

import io.loyaltypulse.schemas.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Creates a service's missing topics while the application context is built, so before
 * any lifecycle (a topology, a listener) starts reading or writing them. Existing topics
 * are never changed; one whose partition count differs from the declaration fails
 * start-up.
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
		if (!this.properties.provisionTopics()) {
			return;
		}
		try (Admin admin = Admin.create(this.kafka.buildAdminProperties())) {
			new TopicProvisioner(admin, this.properties.adminTimeout()).ensure(this.topics.topics());
		}
	}

}
