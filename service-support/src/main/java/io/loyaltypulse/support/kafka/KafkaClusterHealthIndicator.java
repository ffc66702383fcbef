package io.loyaltypulse.support.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.loyaltypulse.support.problems.ServiceUnavailableException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness follows Kafka ({@code kafka} in the readiness group): the service is ready
 * while the cluster answers within the timeout, so that a load balancer stops sending
 * requests that could only end in 503.
 */
public class KafkaClusterHealthIndicator implements HealthIndicator, DisposableBean {

	private final Admin admin;

	private final Duration timeout;

	public KafkaClusterHealthIndicator(Map<String, Object> adminConfigs, String clientId, Duration timeout) {
		Map<String, Object> configs = new HashMap<>(adminConfigs);
		int millis = Math.toIntExact(timeout.toMillis());
		configs.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
		configs.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
		configs.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
		this.admin = Admin.create(configs);
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		DescribeClusterResult cluster = this.admin
			.describeCluster(new DescribeClusterOptions().timeoutMs(Math.toIntExact(this.timeout.toMillis())));
		try {
			String clusterId = cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			Collection<Node> nodes = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			return Health.up().withDetail("clusterId", clusterId).withDetail("brokers", nodes.size()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down().withDetail("error", "interrupted").build();
		}
		catch (ExecutionException | TimeoutException ex) {
			return Health.down()
				.withDetail("error",
						"Kafka did not answer within " + this.timeout.toMillis() + " ms: "
								+ ServiceUnavailableException.rootMessage(ex))
				.build();
		}
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(1));
	}

}
