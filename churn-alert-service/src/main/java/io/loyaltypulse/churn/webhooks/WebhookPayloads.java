package io.loyaltypulse.churn.webhooks;

import java.util.Map;
import java.util.TreeMap;

import io.loyaltypulse.churn.webhooks.WebhookEvents.AlertChange;
import io.loyaltypulse.events.ChurnAlertSnapshot;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * standard: {type, timestamp, data: the alert with its explanation, evidence and
 * dashboard link}; slack: a Block Kit message (text and section blocks) saying the same.
 */
public final class WebhookPayloads {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String dashboardBaseUrl;

	public WebhookPayloads(String dashboardBaseUrl) {
		this.dashboardBaseUrl = dashboardBaseUrl.endsWith("/")
				? dashboardBaseUrl.substring(0, dashboardBaseUrl.length() - 1) : dashboardBaseUrl;
	}

	/** The body for a subscription of this format. */
	public String body(String format, AlertChange change) {
		return "slack".equals(format) ? slack(change) : standard(change);
	}

	/** The dashboard page of an alert. */
	public String link(String alertId) {
		return this.dashboardBaseUrl + "/alerts/"
				+ java.net.URLEncoder.encode(alertId, java.nio.charset.StandardCharsets.UTF_8);
	}

	String standard(AlertChange change) {
		ChurnAlertSnapshot alert = change.alert();
		ObjectNode body = JSON.createObjectNode();
		body.put("type", change.type());
		body.put("timestamp", change.occurredAt().toString());
		ObjectNode data = body.putObject("data");
		data.put("id", alert.getAlertId());
		data.put("changeId", change.eventId());
		data.put("customerId", alert.getCustomerId());
		data.put("signal", alert.getSignal().name());
		data.put("status", alert.getStatus().name());
		data.put("severity", alert.getSeverity().name());
		data.put("risk", alert.getRisk());
		// As the alerts API writes it, so that a CRM reads one shape from either.
		ObjectNode value = data.putObject("customerValue");
		value.put("amount", alert.getCustomerValue().stripTrailingZeros().toPlainString());
		value.put("currency", alert.getValueCurrency());
		data.put("explanation", alert.getExplanation());
		ObjectNode evidence = data.putObject("evidence");
		new TreeMap<>(alert.getEvidence()).forEach(evidence::put);
		data.put("storeId", alert.getStoreId());
		data.put("assignee", alert.getAssignee());
		data.put("raisedAt", alert.getRaisedAt().toString());
		data.put("updatedAt", alert.getUpdatedAt().toString());
		if (alert.getSnoozedUntil() != null) {
			data.put("snoozedUntil", alert.getSnoozedUntil().toString());
		}
		data.put("link", link(alert.getAlertId()));
		return JSON.writeValueAsString(body);
	}

	String slack(AlertChange change) {
		ChurnAlertSnapshot alert = change.alert();
		String what = alert.getSeverity().name() + " " + alert.getSignal().name() + " alert "
				+ change.type().substring("churn-alert.".length()) + " for customer " + alert.getCustomerId();
		ObjectNode body = JSON.createObjectNode();
		body.put("text", what + ": " + alert.getExplanation());
		ArrayNode blocks = body.putArray("blocks");
		section(blocks, "*" + escape(what) + "*\n" + escape(alert.getExplanation()));
		StringBuilder figures = new StringBuilder();
		figures.append("*Status:* ")
			.append(alert.getStatus().name())
			.append("   *Risk:* ")
			.append(String.format(java.util.Locale.ROOT, "%.2f", alert.getRisk()));
		for (Map.Entry<String, String> entry : new TreeMap<>(alert.getEvidence()).entrySet()) {
			figures.append("\n").append(escape(entry.getKey())).append(": ").append(escape(entry.getValue()));
		}
		section(blocks, figures.toString());
		section(blocks, "<" + link(alert.getAlertId()) + "|Open the alert in the dashboard>");
		return JSON.writeValueAsString(body);
	}

	private static void section(ArrayNode blocks, String markdown) {
		ObjectNode section = blocks.addObject();
		section.put("type", "section");
		ObjectNode text = section.putObject("text");
		text.put("type", "mrkdwn");
		text.put("text", markdown);
	}

	/** Slack's mrkdwn escapes: &, < and >. */
	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
