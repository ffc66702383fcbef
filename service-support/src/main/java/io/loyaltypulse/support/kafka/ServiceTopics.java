package io.loyaltypulse.support.kafka;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics a service reads and writes, as one bean: created at start-up when missing
 * (with {@code loyalty.kafka.provision-topics}), before anything uses them.
 */
public record ServiceTopics(List<NewTopic> topics) {

}
