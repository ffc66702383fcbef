package io.loyaltypulse.systemtests;

import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.loyaltypulse.testsupport.TestApiKeys;
import io.loyaltypulse.testsupport.TestDashboardPasswords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import static io.loyaltypulse.systemtests.SystemStack.CHURN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CRM dashboard in a real browser (Debian's chromium through Selenium), on the whole
 * platform: a manager logs in, filters the inbox, acknowledges an alert and sees its row
 * change without a reload (and the API agrees), opens a customer and sees their rhythm
 * drawn, sees the NPS of the answers posted drawn week by week, and the quarter's
 * scorecard as the APIs compute it. Every page loads only from the service (no CDN) and
 * logs no error (a script error or a CSP violation would). Screenshots of each page go to
 * {@code target/screenshots} (the README's are copies).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

	private final Http http = new Http(TestApiKeys.ALL_SCOPES);

	private SystemStack stack;

	private DashboardStory story;

	private Browser browser;

	@BeforeAll
	void startThePlatformAndTheBrowser() throws Exception {
		this.stack = SystemStack.start(this.http.client(), DashboardBrowserIT.class);
		this.story = new DashboardStory(this.stack, this.http);
		this.story.post();
		awaitAlert(DashboardStory.IN_ARREARS, "ARREARS");
		awaitAlert(DashboardStory.SILENT, "SILENCE");
		this.browser = Browser.open(Path.of("target/screenshots"),
				Files.createDirectories(this.stack.workDir().resolve("chromium-profile")));
	}

	@AfterAll
	void stopEverything() {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.stack != null) {
			this.stack.close();
		}
	}

	@Test
	@Order(1)
	void shouldRefuseAWrongPasswordOnTheLoginPage() throws Exception {
		WebDriver page = this.browser.driver();
		page.get(dashboard("/dashboard"));
		this.browser.waiting().until((driver) -> driver.getCurrentUrl().endsWith("/login"));
		this.browser.screenshot("dashboard-login");
		logIn(SystemStack.DASHBOARD_USER, "not-the-password");
		this.browser.waiting()
			.until((driver) -> driver.findElements(By.cssSelector(".problem"))
				.stream()
				.anyMatch((problem) -> problem.getText().contains("wrong password")));
		assertThat(page.getCurrentUrl()).contains("/login?error");
	}

	@Test
	@Order(2)
	void shouldLogInFilterAndAcknowledgeAnAlertWithoutAReload() throws Exception {
		WebDriver page = this.browser.driver();
		logIn(SystemStack.DASHBOARD_USER, TestDashboardPasswords.PASSWORD);
		this.browser.waiting().until((driver) -> driver.getCurrentUrl().endsWith("/dashboard/alerts"));
		assertThat(rowSignals()).contains("ARREARS", "SILENCE");
		this.browser.screenshot("dashboard-alerts");

		// A marker on the document: a reload would lose it.
		this.browser.script("window.loyaltyPulseSamePage = true;");
		new Select(page.findElement(By.id("filter-signal"))).selectByValue("ARREARS");
		this.browser.waiting().until((driver) -> rowSignals().equals(List.of("ARREARS")));
		// The address is the page with the filter: a reload or a bookmark opens the whole
		// page.
		assertThat(page.getCurrentUrl()).contains("/dashboard/alerts?").contains("signal=ARREARS");
		WebElement row = page.findElement(By.cssSelector("tr.alert-row"));
		String alertId = row.getAttribute("data-alert-id");
		assertThat(row.getText()).contains(DashboardStory.IN_ARREARS).contains("dash-inv-1");

		row.findElement(By.cssSelector("button.acknowledge")).click();
		this.browser.waiting().until((driver) -> "ACKNOWLEDGED".equals(statusOfRow(alertId)));
		assertThat(this.browser.script("return window.loyaltyPulseSamePage === true;")).isEqualTo(true);
		JsonNode alert = this.http.get(this.stack.baseUrl(CHURN) + "/api/v1/alerts/" + alertId).json();
		assertThat(alert.get("status").asString()).isEqualTo("ACKNOWLEDGED");
		JsonNode last = alert.get("history").get(alert.get("history").size() - 1);
		assertThat(last.get("change").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(last.get("actor").asString()).isEqualTo(SystemStack.DASHBOARD_USER);
		assertThat(this.browser.consoleErrors()).as("console errors").isEmpty();

		// On a small laptop window the table scrolls in its box; the page does not widen.
		page.manage().window().setSize(new Dimension(800, 1000));
		try {
			this.browser.waiting()
				.until((driver) -> ((Number) this.browser.script("return window.innerWidth;")).intValue() <= 800);
			assertThat(((Number) this.browser
				.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
				.intValue()).as("how much wider than the window the inbox is, in pixels").isLessThanOrEqualTo(0);
		}
		finally {
			page.manage().window().setSize(new Dimension(1440, 1000));
		}
	}

	@Test
	@Order(3)
	void shouldShowACustomerWithTheirRhythmDrawn() throws Exception {
		WebDriver page = this.browser.driver();
		page.findElement(By.cssSelector("tr.alert-row a.customer")).click();
		this.browser.waiting()
			.until((driver) -> driver.findElement(By.id("customer-id")).getText().equals(DashboardStory.IN_ARREARS));
		assertThat(page.findElement(By.tagName("main")).getText()).contains("dash-inv-1").contains("ARREARS");

		page.get(dashboard("/dashboard/customers/" + DashboardStory.SILENT));
		this.browser.waiting().until((driver) -> chartPoints("rhythm-chart", 0) == 12);
		assertThat(page.findElement(By.id("p-alive")).getText()).matches("0\\.\\d\\d");
		assertThat(page.findElement(By.tagName("main")).getText()).contains("SILENCE").contains("60 days");
		this.browser.screenshot("dashboard-customer");
		assertThat(this.browser.consoleErrors()).as("console errors").isEmpty();
	}

	@Test
	@Order(4)
	void shouldDrawTheNpsOfTheAnswersPostedWeekByWeek() throws Exception {
		WebDriver page = this.browser.driver();
		page.findElement(By.id("nav-nps")).click();
		this.browser.waiting()
			.until((driver) -> driver.findElement(By.id("nps-n"))
				.getText()
				.equals(Long.toString(this.story.answers())));
		// The weekly points with a score, and the histogram, as the browser drew them.
		this.browser.waiting().until((driver) -> chartPoints("nps-trend-chart", 2) >= 6);
		@SuppressWarnings("unchecked")
		List<Number> drawn = (List<Number>) this.browser
			.script("return Chart.getChart(document.getElementById('nps-histogram-chart')).data.datasets[0].data;");
		assertThat(drawn.stream().map(Number::longValue).toList())
			.containsExactlyElementsOf(Arrays.stream(this.story.histogram()).boxed().toList());
		String stores = page.findElement(By.id("breakdown-store")).getText();
		assertThat(stores).contains("S1").contains("S2");
		this.browser.screenshot("dashboard-nps");
		assertThat(resourcesFromElsewhere()).as("resources not served by churn-alert-service").isEmpty();
		assertThat(this.browser.consoleErrors()).as("console errors").isEmpty();
	}

	@Test
	@Order(5)
	void shouldShowTheScorecardOfTheQuarterAsTheApisComputeIt() throws Exception {
		WebDriver page = this.browser.driver();
		page.findElement(By.id("nav-scorecard")).click();
		this.browser.waiting().until((driver) -> !driver.findElements(By.id("scorecard")).isEmpty());
		String quarter = page.findElement(By.id("scorecard-quarter")).getText();
		JsonNode figures = this.http.get(this.stack.baseUrl(CHURN) + "/api/v1/scorecard/figures?quarter=" + quarter)
			.json();
		assertThat(figures.get("orders").asLong()).isPositive();
		assertThat(currentFigure("Average order value, returning customers"))
			.isEqualTo(figures.get("returningAov").get("amount").asString() + " EUR");
		assertThat(currentFigure("Repeat-purchase rate")).isEqualTo(
				figures.get("repeatPurchaseRate").decimalValue().movePointRight(2).setScale(1, RoundingMode.HALF_EVEN)
						+ " %");
		assertThat(basis("Complaints per 1,000 orders")).endsWith("orders " + figures.get("orders").asLong());
		this.browser.screenshot("dashboard-scorecard");
		assertThat(this.browser.consoleErrors()).as("console errors").isEmpty();
	}

	private String currentFigure(String metric) {
		return scorecardRow(metric).findElement(By.cssSelector("td.current")).getText();
	}

	private String basis(String metric) {
		return scorecardRow(metric).findElement(By.cssSelector("td.note")).getText();
	}

	private WebElement scorecardRow(String metric) {
		return this.browser.driver().findElement(By.cssSelector("#scorecard tr[data-metric='" + metric + "']"));
	}

	private void logIn(String user, String password) {
		WebDriver page = this.browser.driver();
		page.findElement(By.id("username")).sendKeys(user);
		page.findElement(By.id("password")).sendKeys(password);
		page.findElement(By.id("login")).click();
	}

	private List<String> rowSignals() {
		try {
			return this.browser.driver()
				.findElements(By.cssSelector("tr.alert-row td:nth-child(2)"))
				.stream()
				.map(WebElement::getText)
				.toList();
		}
		catch (StaleElementReferenceException ex) {
			// htmx swapped the table while it was read: read again.
			return List.of();
		}
	}

	private String statusOfRow(String alertId) {
		try {
			return this.browser.driver().findElement(By.id("alert-" + alertId)).getAttribute("data-status");
		}
		catch (StaleElementReferenceException ex) {
			return null;
		}
	}

	/** The points with a value in one dataset of a drawn chart; -1 before it is drawn. */
	private long chartPoints(String canvasId, int dataset) {
		Object points = this.browser
			.script("const chart = window.Chart && Chart.getChart(document.getElementById(arguments[0]));"
					+ "return chart ? chart.data.datasets[arguments[1]].data.filter((p) => p !== null).length : -1;",
					canvasId, dataset);
		return ((Number) points).longValue();
	}

	private List<String> resourcesFromElsewhere() {
		@SuppressWarnings("unchecked")
		List<String> resources = (List<String>) this.browser
			.script("return performance.getEntriesByType('resource').map((entry) => entry.name);");
		String origin = this.stack.baseUrl(CHURN);
		return resources.stream().filter((resource) -> !resource.startsWith(origin)).toList();
	}

	private void awaitAlert(String customerId, String signal) {
		await(signal + " alert of " + customerId).atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.http
				.get(this.stack.baseUrl(CHURN) + "/api/v1/alerts?customerId=" + customerId + "&signal=" + signal)
				.json()
				.get("total")
				.asLong() == 1);
	}

	private String dashboard(String path) {
		return this.stack.baseUrl(CHURN) + path;
	}

}
