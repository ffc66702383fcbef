package io.loyaltypulse.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.systemtests.Http.Answer;
import io.loyaltypulse.testsupport.TestApiKeys;

import static io.loyaltypulse.systemtests.SystemStack.CHURN;
import static io.loyaltypulse.systemtests.SystemStack.POINTS;
import static io.loyaltypulse.systemtests.SystemStack.PURCHASE;
import static io.loyaltypulse.systemtests.SystemStack.SURVEY;

/**
 * Malformed, mistyped, oversized, out-of-range and unauthorised requests to every write
 * endpoint of every service, each sent once as a careless or hostile client would. Each
 * must be answered with a 4xx {@code application/problem+json} that names the offending
 * field (its JSON Pointer) or the reason; a 5xx, another content type or a problem that
 * does not say what was wrong counts as unanswered.
 */
final class BadInputSweep {

	private static final String PURCHASE_BODY = """
			{"eventId": "sweep-e1", "customerId": "sweep-c1", "occurredAt": "%s", "orderId": "sweep-o1",
			 "storeId": "S1", "channel": "WEB", "total": 5.00, "currency": "EUR",
			 "lines": [{"lineId": "1", "sku": "SKU-1", "category": "GROCERY", "quantity": 1, "unitPrice": 5.00}]}""";

	private static final String REFUND_BODY = """
			{"eventId": "sweep-r1", "customerId": "sweep-c1", "occurredAt": "%s", "refundId": "sweep-r1",
			 "lines": [{"lineId": "1", "quantity": 1}], "amount": 5.00, "currency": "EUR"}""";

	private static final String INVOICE_BODY = """
			{"eventId": "sweep-i1", "customerId": "sweep-c1", "occurredAt": "%s", "invoiceId": "sweep-i1",
			 "amount": 100.00, "currency": "EUR", "issueDate": "2026-01-10", "dueDate": "2026-02-10"}""";

	private static final String PAYMENT_BODY = """
			{"eventId": "sweep-p1", "customerId": "sweep-c1", "occurredAt": "%s", "paymentId": "sweep-p1",
			 "amount": 100.00, "currency": "EUR"}""";

	private static final String REVIEW_BODY = """
			{"eventId": "sweep-v1", "customerId": "sweep-c1", "occurredAt": "%s", "reviewId": "sweep-v1",
			 "orderId": "sweep-o1", "sku": "SKU-1", "rating": 5, "status": "PUBLISHED"}""";

	private static final String REFERRAL_BODY = """
			{"eventId": "sweep-f1", "customerId": "sweep-c2", "occurredAt": "%s", "referrerId": "sweep-c1"}""";

	private static final String ANSWER_BODY = """
			{"eventId": "sweep-a1", "customerId": "sweep-c1", "occurredAt": "%s", "responseId": "sweep-a1",
			 "surveyId": "nps-sweep", "score": 9, "touchpoint": "DELIVERY", "storeId": "S1", "channel": "WEB"}""";

	private static final String COMPLAINT_BODY = """
			{"eventId": "sweep-k1", "customerId": "sweep-c1", "occurredAt": "%s", "complaintId": "sweep-k1",
			 "category": "DELIVERY", "severity": "HIGH", "storeId": "S1"}""";

	private static final String RESOLUTION_BODY = """
			{"eventId": "sweep-k1-resolved", "customerId": "sweep-c1", "occurredAt": "%s", "resolution": "REPLACED",
			 "customerSatisfied": true}""";

	private final SystemStack stack;

	private final Http http;

	private final String alertId;

	private final String at = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();

	private final List<Case> cases = new ArrayList<>();

	private final String webhookId;

	BadInputSweep(SystemStack stack, Http http, String alertId, String webhookId) {
		this.stack = stack;
		this.http = http;
		this.alertId = (alertId != null) ? alertId : "unknown-alert";
		this.webhookId = webhookId;
	}

	/** Sends every case once; returns the ones not answered as they must be. */
	List<String> run() {
		purchaseService();
		pointsService();
		surveyService();
		churnAlertService();
		webhookAdmin();
		List<String> unanswered = new ArrayList<>();
		List<String> report = new ArrayList<>();
		for (Case c : this.cases) {
			Answer answer = this.http.sendOnce(c.request());
			String verdict = c.judge(answer);
			if (verdict != null) {
				unanswered.add(c.name + ": " + verdict);
			}
			report.add(c.name + " -> " + answer.status() + " " + answer.contentType() + " " + abbreviate(answer.body())
					+ ((verdict != null) ? "   UNANSWERED: " + verdict : ""));
		}
		writeReport(report);
		return unanswered;
	}

	/**
	 * Every case and its answer, for a reader:
	 * {@code target/system/PlatformSystemIT/bad-inputs.txt}.
	 */
	private void writeReport(List<String> report) {
		try {
			Files.write(this.stack.workDir().resolve("bad-inputs.txt"), report);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String abbreviate(String body) {
		String line = body.replace('\n', ' ');
		return (line.length() > 400) ? line.substring(0, 400) + "..." : line;
	}

	int size() {
		return this.cases.size();
	}

	private void purchaseService() {
		String purchases = "/api/v1/purchases";
		String purchase = PURCHASE_BODY.formatted(this.at);
		json(PURCHASE, "purchase without customerId", purchases, purchase.replace("\"customerId\": \"sweep-c1\", ", ""),
				400, "/customerId");
		json(PURCHASE, "customerId as a number", purchases, purchase.replace("\"sweep-c1\"", "123"), 400,
				"/customerId");
		json(PURCHASE, "fractional quantity", purchases, purchase.replace("\"quantity\": 1", "\"quantity\": 2.5"), 400,
				"/lines/0/quantity");
		json(PURCHASE, "quantity as a string", purchases, purchase.replace("\"quantity\": 1", "\"quantity\": \"2\""),
				400, "/lines/0/quantity");
		json(PURCHASE, "quantity 0", purchases, purchase.replace("\"quantity\": 1", "\"quantity\": 0"), 400,
				"/lines/0/quantity");
		json(PURCHASE, "negative quantity", purchases, purchase.replace("\"quantity\": 1", "\"quantity\": -1"), 400,
				"/lines/0/quantity");
		json(PURCHASE, "price with 5 decimals", purchases,
				purchase.replace("\"unitPrice\": 5.00", "\"unitPrice\": 5.00001"), 400, "/lines/0/unitPrice");
		json(PURCHASE, "negative price", purchases, purchase.replace("\"unitPrice\": 5.00", "\"unitPrice\": -5"), 400,
				"/lines/0/unitPrice");
		json(PURCHASE, "currency of 4 letters", purchases, purchase.replace("\"EUR\"", "\"EURO\""), 400, "/currency");
		json(PURCHASE, "unknown currency", purchases, purchase.replace("\"EUR\"", "\"XQZ\""), 400, "/currency");
		json(PURCHASE, "total above its lines", purchases, purchase.replace("\"total\": 5.00", "\"total\": 500.00"),
				400, "/total");
		json(PURCHASE, "occurredAt not a time", purchases, purchase.replace(this.at, "yesterday"), 400, "/occurredAt");
		json(PURCHASE, "occurredAt a day ahead", purchases,
				purchase.replace(this.at,
						Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString()),
				400, "/occurredAt");
		json(PURCHASE, "occurredAt before 1970", purchases, purchase.replace(this.at, "1960-01-01T00:00:00Z"), 400,
				"/occurredAt");
		json(PURCHASE, "unknown field", purchases,
				purchase.replace("{\"eventId\"", "{\"colour\": \"red\", \"eventId\""), 400, "/colour");
		json(PURCHASE, "no lines", purchases, purchase.replaceAll("\"lines\": \\[.*\\]", "\"lines\": []"), 400,
				"/lines");
		json(PURCHASE, "empty orderId", purchases, purchase.replace("\"sweep-o1\"", "\"\""), 400, "/orderId");
		json(PURCHASE, "orderId of 201 characters", purchases,
				purchase.replace("\"sweep-o1\"", "\"" + "o".repeat(201) + "\""), 400, "/orderId");
		json(PURCHASE, "control character in customerId", purchases,
				purchase.replace("\"sweep-c1\"", "\"sweep\\u0007c1\""), 400, "/customerId");
		json(PURCHASE, "not JSON", purchases, "{oops", 400, "malformed");
		json(PURCHASE, "empty body", purchases, "", 400, "malformed");
		json(PURCHASE, "duplicate key", purchases, purchase.replace("{\"eventId\"", "{\"total\": 1, \"eventId\""), 400,
				"malformed");
		json(PURCHASE, "trailing content", purchases, purchase + " {}", 400, "malformed");
		add(PURCHASE, "no credentials", purchases, purchase, null, "application/json", 401, "unauthorized");
		add(PURCHASE, "unknown API key", purchases, purchase, "not-a-key", "application/json", 401, "unauthorized");
		add(PURCHASE, "key without purchases:write", purchases, purchase, TestApiKeys.POINTS_READ_ONLY,
				"application/json", 403, "purchases:write");
		add(PURCHASE, "text/plain body", purchases, purchase, TestApiKeys.ALL_SCOPES, "text/plain", 415,
				"application/json");
		json(PURCHASE, "body over 64 KB", purchases,
				purchase.replace("{\"eventId\"", "{\"padding\": \"" + "x".repeat(70_000) + "\", \"eventId\""), 413,
				"too-large");
		add(PURCHASE, "eventId contradicting Idempotency-Key", purchases, purchase, TestApiKeys.ALL_SCOPES,
				"application/json", 400, "/eventId", "Idempotency-Key", "another-key");

		String refunds = "/api/v1/purchases/sweep-o1/refunds";
		String refund = REFUND_BODY.formatted(this.at);
		json(PURCHASE, "refund without amount", refunds, refund.replace("\"amount\": 5.00, ", ""), 400, "/amount");
		json(PURCHASE, "refund of 0 units", refunds, refund.replace("\"quantity\": 1", "\"quantity\": 0"), 400,
				"/lines/0/quantity");
		json(PURCHASE, "refund of another order than its path", refunds,
				refund.replace("{\"eventId\"", "{\"orderId\": \"sweep-o2\", \"eventId\""), 400, "/orderId");
		json(PURCHASE, "refund naming a line twice", refunds,
				refund.replace("[{\"lineId\": \"1\", \"quantity\": 1}]",
						"[{\"lineId\": \"1\", \"quantity\": 1}, {\"lineId\": \"1\", \"quantity\": 1}]"),
				400, "/lines/1");

		String invoices = "/api/v1/invoices";
		String invoice = INVOICE_BODY.formatted(this.at);
		json(PURCHASE, "invoice due before issued", invoices, invoice.replace("2026-02-10", "2025-12-01"), 400,
				"/dueDate");
		json(PURCHASE, "invoice date that does not exist", invoices, invoice.replace("2026-01-10", "2026-13-45"), 400,
				"/issueDate");
		json(PURCHASE, "invoice amount not a number", invoices, invoice.replace("100.00", "\"abc\""), 400, "/amount");
		add(PURCHASE, "invoice with a key without invoices:write", invoices, invoice, TestApiKeys.POINTS_READ_ONLY,
				"application/json", 403, "invoices:write");
		String payments = "/api/v1/invoices/sweep-i1/payments";
		String payment = PAYMENT_BODY.formatted(this.at);
		json(PURCHASE, "payment of 0", payments, payment.replace("100.00", "0"), 400, "/amount");
		json(PURCHASE, "payment currency in lower case", payments, payment.replace("\"EUR\"", "\"eur\""), 400,
				"/currency");
		json(PURCHASE, "cancellation with an unknown field", "/api/v1/invoices/sweep-i1/cancellation",
				"{\"customerId\": \"sweep-c1\", \"occurredAt\": \"" + this.at + "\", \"why\": \"x\"}", 400, "/why");
		String review = REVIEW_BODY.formatted(this.at);
		json(PURCHASE, "review rating 6", "/api/v1/reviews", review.replace("\"rating\": 5", "\"rating\": 6"), 400,
				"/rating");
		json(PURCHASE, "review status unknown", "/api/v1/reviews", review.replace("PUBLISHED", "MAYBE"), 400,
				"/status");
		json(PURCHASE, "referral by the customer themself", "/api/v1/referrals",
				REFERRAL_BODY.formatted(this.at).replace("\"sweep-c2\"", "\"sweep-c1\""), 400, "/referrerId");
		json(PURCHASE, "batch without events", "/api/v1/events:batch", "{}", 400, "/events");
		json(PURCHASE, "batch with no event", "/api/v1/events:batch", "{\"events\": []}", 400, "/events");
		json(PURCHASE, "batch events not an array", "/api/v1/events:batch", "{\"events\": \"all\"}", 400, "/events");
	}

	private void pointsService() {
		String redemptions = "/api/v1/customers/sweep-c1/redemptions";
		String adjustments = "/api/v1/admin/customers/sweep-c1/adjustments";
		String[] key = { "Idempotency-Key", "sweep-points-1" };
		String all = TestApiKeys.ALL_SCOPES;
		add(POINTS, "redemption without Idempotency-Key", redemptions, "{\"points\": 10}", all, "application/json", 400,
				"Idempotency-Key");
		add(POINTS, "fractional points", redemptions, "{\"points\": 2.5}", all, "application/json", 400, "/points",
				key);
		add(POINTS, "points as a string", redemptions, "{\"points\": \"5\"}", all, "application/json", 400, "/points",
				key);
		add(POINTS, "points in exponent notation", redemptions, "{\"points\": 1e3}", all, "application/json", 400,
				"/points", key);
		add(POINTS, "points of 2^63", redemptions, "{\"points\": 9223372036854775808}", all, "application/json", 400,
				"/points", key);
		add(POINTS, "redeem 0 points", redemptions, "{\"points\": 0}", all, "application/json", 400, "/points", key);
		add(POINTS, "redeem negative points", redemptions, "{\"points\": -5}", all, "application/json", 400, "/points",
				key);
		add(POINTS, "redemption with an unknown member", redemptions, "{\"points\": 5, \"bonus\": true}", all,
				"application/json", 400, "/bonus", key);
		add(POINTS, "redemption with a read-only key", redemptions, "{\"points\": 5}", TestApiKeys.POINTS_READ_ONLY,
				"application/json", 403, "points:redeem", key);
		add(POINTS, "redemption without credentials", redemptions, "{\"points\": 5}", null, "application/json", 401,
				"unauthorized", key);
		add(POINTS, "redemption body over 8 KB", redemptions,
				"{\"points\": 5, \"description\": \"" + "d".repeat(9000) + "\"}", all, "application/json", 413,
				"too-large", key);
		add(POINTS, "redemption as text/plain", redemptions, "{\"points\": 5}", all, "text/plain", 415,
				"application/json", key);
		add(POINTS, "redemption not JSON", redemptions, "points=5", all, "application/json", 400, "malformed", key);
		add(POINTS, "adjustment of 0", adjustments, "{\"points\": 0, \"reason\": \"r\", \"actor\": \"a\"}", all,
				"application/json", 400, "/points", key);
		add(POINTS, "adjustment above 10^12", adjustments,
				"{\"points\": 10000000000000, \"reason\": \"r\", \"actor\": \"a\"}", all, "application/json", 400,
				"/points", key);
		add(POINTS, "adjustment without reason", adjustments, "{\"points\": 10, \"actor\": \"a\"}", all,
				"application/json", 400, "/reason", key);
		add(POINTS, "adjustment without actor", adjustments, "{\"points\": 10, \"reason\": \"r\"}", all,
				"application/json", 400, "/actor", key);
		add(POINTS, "adjustment with a read-only key", adjustments,
				"{\"points\": 10, \"reason\": \"r\", \"actor\": \"a\"}", TestApiKeys.POINTS_READ_ONLY,
				"application/json", 403, "points:admin", key);
	}

	private void surveyService() {
		String responses = "/api/v1/survey-responses";
		String answer = ANSWER_BODY.formatted(this.at);
		json(SURVEY, "score 11", responses, answer.replace("\"score\": 9", "\"score\": 11"), 400, "/score");
		json(SURVEY, "score 2.5", responses, answer.replace("\"score\": 9", "\"score\": 2.5"), 400, "/score");
		json(SURVEY, "score as a string", responses, answer.replace("\"score\": 9", "\"score\": \"7\""), 400, "/score");
		json(SURVEY, "score -1", responses, answer.replace("\"score\": 9", "\"score\": -1"), 400, "/score");
		json(SURVEY, "answer without responseId", responses, answer.replace("\"responseId\": \"sweep-a1\",", ""), 400,
				"/responseId");
		json(SURVEY, "answer without touchpoint", responses, answer.replace("\"touchpoint\": \"DELIVERY\", ", ""), 400,
				"/touchpoint");
		json(SURVEY, "comment of 5001 characters", responses,
				answer.replace("{\"eventId\"", "{\"comment\": \"" + "c".repeat(5001) + "\", \"eventId\""), 400,
				"/comment");
		add(SURVEY, "answer with a key without surveys:write", responses, answer, TestApiKeys.POINTS_READ_ONLY,
				"application/json", 403, "surveys:write");
		add(SURVEY, "answer without credentials", responses, answer, null, "application/json", 401, "unauthorized");
		json(SURVEY, "answer not JSON", responses, "[1, 2", 400, "malformed");
		String complaint = COMPLAINT_BODY.formatted(this.at);
		json(SURVEY, "complaint severity unknown", "/api/v1/complaints", complaint.replace("HIGH", "URGENT"), 400,
				"/severity");
		json(SURVEY, "complaint without complaintId", "/api/v1/complaints",
				complaint.replace("\"complaintId\": \"sweep-k1\",", ""), 400, "/complaintId");
		add(SURVEY, "complaint with a key without complaints:write", "/api/v1/complaints", complaint,
				TestApiKeys.POINTS_READ_ONLY, "application/json", 403, "complaints:write");
		String resolution = RESOLUTION_BODY.formatted(this.at);
		json(SURVEY, "resolution with an unknown field", "/api/v1/complaints/sweep-k1/resolution",
				resolution.replace("{\"eventId\"", "{\"refund\": 5, \"eventId\""), 400, "/refund");
		json(SURVEY, "customerSatisfied as a string", "/api/v1/complaints/sweep-k1/resolution",
				resolution.replace("true", "\"yes\""), 400, "/customerSatisfied");
		json(SURVEY, "survey batch with no event", "/api/v1/events:batch", "{\"events\": []}", 400, "/events");
	}

	private void churnAlertService() {
		String alert = "/api/v1/alerts/" + this.alertId;
		String all = TestApiKeys.ALL_SCOPES;
		String[] key = { "Idempotency-Key", "sweep-alert-1" };
		add(CHURN, "acknowledge an unknown alert", "/api/v1/alerts/no-such-alert/acknowledge", null, all, null, 404,
				"no-such-alert", key);
		add(CHURN, "acknowledge without Idempotency-Key", alert + "/acknowledge", null, all, null, 400,
				"Idempotency-Key");
		add(CHURN, "snooze until the past", alert + "/snooze",
				"{\"until\": \"2020-01-01T00:00:00Z\", \"reason\": \"later\"}", all, "application/json", 400, "/until",
				key);
		add(CHURN, "snooze for a year", alert + "/snooze",
				"{\"until\": \"" + Instant.now().plus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS)
						+ "\", \"reason\": \"later\"}",
				all, "application/json", 400, "/until", key);
		add(CHURN, "snooze until not a time", alert + "/snooze", "{\"until\": \"tomorrow\", \"reason\": \"later\"}",
				all, "application/json", 400, "/until", key);
		add(CHURN, "snooze without reason", alert + "/snooze",
				"{\"until\": \"" + Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS) + "\"}", all,
				"application/json", 400, "/reason", key);
		add(CHURN, "resolve without reason", alert + "/resolve", "{}", all, "application/json", 400, "/reason", key);
		add(CHURN, "resolve with a reason of 501 characters", alert + "/resolve",
				"{\"reason\": \"" + "r".repeat(501) + "\"}", all, "application/json", 400, "/reason", key);
		add(CHURN, "assignee as a number", alert + "/assign", "{\"assignee\": 123}", all, "application/json", 400,
				"/assignee", key);
		add(CHURN, "comment without text", alert + "/comments", "{}", all, "application/json", 400, "/text", key);
		add(CHURN, "acknowledge with a key without alerts:write", alert + "/acknowledge", null,
				TestApiKeys.POINTS_READ_ONLY, null, 403, "alerts:write", key);
		add(CHURN, "acknowledge without credentials", alert + "/acknowledge", null, null, null, 401, "unauthorized",
				key);
		add(CHURN, "acknowledge with a text/plain body", alert + "/acknowledge", "now", all, "text/plain", 415,
				"application/json", key);
		add(CHURN, "assign not JSON", alert + "/assign", "{\"assignee\":", all, "application/json", 400, "malformed",
				key);
	}

	/** The webhook admin API of churn-alert-service (scope webhooks:admin). */
	private void webhookAdmin() {
		String webhooks = "/api/v1/webhooks";
		String all = TestApiKeys.ALL_SCOPES;
		String hook = "{\"url\": \"http://127.0.0.1:9/hook\"}";
		json(CHURN, "webhook without url", webhooks, "{}", 400, "/url");
		json(CHURN, "webhook url not http", webhooks, "{\"url\": \"ftp://127.0.0.1/hook\"}", 400, "/url");
		json(CHURN, "webhook url not a URL", webhooks, "{\"url\": \"crm\"}", 400, "/url");
		json(CHURN, "webhook url of 2049 characters", webhooks,
				"{\"url\": \"http://127.0.0.1/" + "u".repeat(2049 - 17) + "\"}", 400, "/url");
		json(CHURN, "webhook url on a private network", webhooks, "{\"url\": \"http://10.1.2.3/hook\"}", 400, "/url");
		json(CHURN, "webhook url on the cloud metadata address", webhooks,
				"{\"url\": \"http://169.254.169.254/latest\"}", 400, "/url");
		json(CHURN, "webhook url as a number", webhooks, "{\"url\": 42}", 400, "/url");
		json(CHURN, "webhook eventTypes with an unknown type", webhooks,
				"{\"url\": \"http://127.0.0.1:9/hook\", \"eventTypes\": [\"churn-alert.raised\", \"sold\"]}", 400,
				"/eventTypes/1");
		json(CHURN, "webhook eventTypes empty", webhooks, "{\"url\": \"http://127.0.0.1:9/hook\", \"eventTypes\": []}",
				400, "/eventTypes");
		json(CHURN, "webhook eventTypes not an array", webhooks,
				"{\"url\": \"http://127.0.0.1:9/hook\", \"eventTypes\": \"all\"}", 400, "/eventTypes");
		json(CHURN, "webhook minSeverity unknown", webhooks,
				"{\"url\": \"http://127.0.0.1:9/hook\", \"minSeverity\": \"HUGE\"}", 400, "/minSeverity");
		json(CHURN, "webhook format unknown", webhooks, "{\"url\": \"http://127.0.0.1:9/hook\", \"format\": \"teams\"}",
				400, "/format");
		json(CHURN, "webhook with its own secret (unknown field)", webhooks,
				"{\"url\": \"http://127.0.0.1:9/hook\", \"secret\": \"mine\"}", 400, "/secret");
		json(CHURN, "webhook not JSON", webhooks, "{\"url\":", 400, "malformed");
		add(CHURN, "webhook as text/plain", webhooks, hook, all, "text/plain", 415, "application/json");
		add(CHURN, "webhook with a key without webhooks:admin", webhooks, hook, TestApiKeys.POINTS_READ_ONLY,
				"application/json", 403, "webhooks:admin");
		add(CHURN, "webhook without credentials", webhooks, hook, null, "application/json", 401, "unauthorized");
		String replay = webhooks + "/" + this.webhookId + "/replay";
		json(CHURN, "replay since not a time", replay, "{\"since\": \"yesterday\"}", 400, "/since");
		json(CHURN, "replay with neither since nor deliveryId", replay, "{}", 400, "/since");
		json(CHURN, "replay with both since and deliveryId", replay,
				"{\"since\": \"2026-01-01T00:00:00Z\", \"deliveryId\": \"msg_x\"}", 400, "/deliveryId");
		json(CHURN, "replay with an unknown field", replay, "{\"since\": \"2026-01-01T00:00:00Z\", \"all\": true}", 400,
				"/all");
		add(CHURN, "replay with a key without webhooks:admin", replay, "{\"since\": \"2026-01-01T00:00:00Z\"}",
				TestApiKeys.POINTS_READ_ONLY, "application/json", 403, "webhooks:admin");
		json(CHURN, "replay of an unknown subscription", webhooks + "/wh_nothing/replay",
				"{\"since\": \"2026-01-01T00:00:00Z\"}", 404, "webhook-not-found");
		json(CHURN, "replay of an unknown delivery", replay, "{\"deliveryId\": \"msg_nothing\"}", 404,
				"delivery-not-found");
		add(CHURN, "enable an unknown subscription", webhooks + "/wh_nothing/enable", null, all, null, 404,
				"webhook-not-found");
		add(CHURN, "rotate the secret of an unknown subscription", webhooks + "/wh_nothing/secret", null, all, null,
				404, "webhook-not-found");
	}

	private void json(String service, String name, String path, String body, int status, String token) {
		add(service, name, path, body, TestApiKeys.ALL_SCOPES, "application/json", status, token);
	}

	private void add(String service, String name, String path, String body, String apiKey, String contentType,
			int status, String token, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.stack.baseUrl(service) + path))
			.timeout(Duration.ofSeconds(30))
			.POST((body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (apiKey != null) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		this.cases.add(new Case(service + ": " + name, request.build(), status, token));
	}

	private record Case(String name, HttpRequest request, int status, String token) {

		/** Null when answered as it must be, else what was wrong. */
		String judge(Answer answer) {
			if (answer.status() >= 500 || answer.status() < 400) {
				return "answered " + answer;
			}
			if (!answer.contentType().startsWith("application/problem+json")) {
				return "not a problem (" + answer.contentType() + "): " + answer;
			}
			if (answer.status() != this.status) {
				return "expected " + this.status + ", answered " + answer;
			}
			if (!answer.body().contains(this.token)) {
				return "does not name " + this.token + ": " + answer;
			}
			return null;
		}

	}

}
