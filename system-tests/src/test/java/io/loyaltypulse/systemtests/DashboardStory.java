package io.loyaltypulse.systemtests;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.systemtests.ExpectedPoints.Line;

import static io.loyaltypulse.systemtests.SystemStack.PURCHASE;
import static io.loyaltypulse.systemtests.SystemStack.SURVEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the dashboard test's manager finds in the morning, posted over the public APIs: a
 * weekly customer silent for 60 days ({@code SILENCE}), a customer with an invoice 20
 * days overdue ({@code ARREARS}), and survey answers over six weeks in two stores (the
 * NPS page's trend, breakdown and histogram). It remembers what it posted, so the test
 * can check the pages against it.
 */
final class DashboardStory {

	static final String SILENT = "dash-weekly";

	static final String IN_ARREARS = "dash-arrears";

	private final SystemStack stack;

	private final Http http;

	private final Instant now = Instant.now();

	private final long[] histogram = new long[11];

	DashboardStory(SystemStack stack, Http http) {
		this.stack = stack;
		this.http = http;
	}

	void post() {
		for (int week = 0; week < 12; week++) {
			purchase(SILENT, SILENT + "-" + week, 60 + 7 * week, "S1", "30.00");
		}
		purchase(IN_ARREARS, IN_ARREARS + "-1", 45, "S2", "400.00");
		// A returning customer's order of today: the scorecard's current quarter has one
		// whatever the date.
		purchase(IN_ARREARS, IN_ARREARS + "-2", 0, "S2", "55.50");
		Map<String, Object> invoice = EventBodies.invoice(IN_ARREARS, "dash-inv-1", daysAgo(45), "400.00", "EUR",
				date(20));
		accepted(this.http.post(url(PURCHASE, "/api/v1/invoices"), invoice, Map.of()));
		// Six weeks of answers; store S2 turns worse in the last two.
		int[] scores = { 10, 9, 9, 8, 7, 10, 6, 9, 3, 10 };
		for (int week = 0; week < 6; week++) {
			for (int i = 0; i < scores.length; i++) {
				String store = (i % 2 == 0) ? "S1" : "S2";
				int score = (store.equals("S2") && week >= 4) ? Math.max(0, scores[i] - 5) : scores[i];
				answer("dash-answer-" + week + "-" + i, store, 7 * (5 - week) + 1, score);
			}
		}
	}

	/** The answers posted, per score: the histogram the NPS page must draw. */
	long[] histogram() {
		return this.histogram.clone();
	}

	/** How many answers were posted. */
	long answers() {
		long n = 0;
		for (long count : this.histogram) {
			n += count;
		}
		return n;
	}

	private void purchase(String customerId, String orderId, int daysAgo, String storeId, String total) {
		BigDecimal amount = new BigDecimal(total);
		Map<String, Object> body = EventBodies.purchase(customerId, orderId, daysAgo(daysAgo), storeId, "WEB",
				List.of(new Line("1", "GROCERY", 1, amount)), amount, "EUR");
		body.put("region", "EU-WEST");
		accepted(this.http.post(url(PURCHASE, "/api/v1/purchases"), body, Map.of()));
	}

	private void answer(String responseId, String storeId, int daysAgo, int score) {
		Map<String, Object> body = EventBodies.answer("dash-answerer-" + responseId, responseId, "nps-dashboard",
				daysAgo(daysAgo), score, "POST_PURCHASE", storeId);
		body.put("channel", "WEB");
		body.put("region", "EU-WEST");
		body.put("segment", "REGULAR");
		accepted(this.http.post(url(SURVEY, "/api/v1/survey-responses"), body, Map.of()));
		this.histogram[score]++;
	}

	private static void accepted(Http.Answer answer) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
	}

	private Instant daysAgo(int days) {
		return this.now.minus(Duration.ofDays(days));
	}

	private LocalDate date(int daysAgo) {
		return LocalDate.ofInstant(daysAgo(daysAgo), ZoneOffset.UTC);
	}

	private String url(String service, String path) {
		return this.stack.baseUrl(service) + path;
	}

}
