package io.loyaltypulse.churn.dashboard;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRowTest {

	@Test
	void shouldReadAnAlertAsTheApiWritesIt() {
		AlertRow row = AlertRow.of(JsonMapper.builder().build().readTree("""
				{"id": "YzE.ARREARS.1", "customerId": "c1", "signal": "ARREARS", "status": "OPEN", "severity": "HIGH",
				 "risk": 3.2, "customerValue": {"amount": "120", "currency": "EUR"}, "explanation": "overdue",
				 "evidence": {"daysOverdue": "12"}, "storeId": null, "raisedAt": "2026-11-27T10:00:00Z",
				 "updatedAt": "2026-11-27T10:00:00Z", "assignee": null, "snoozedUntil": null,
				 "history": [{"at": "2026-11-27T10:00:00Z", "change": "RAISED", "actor": null, "note": null}]}"""),
				Instant.parse("2026-11-30T11:00:00Z"));
		assertThat(row.age()).isEqualTo("3 d");
		assertThat(row.storeId()).isNull();
		assertThat(row.evidence()).containsEntry("daysOverdue", "12");
		assertThat(row.history()).singleElement().satisfies((entry) -> assertThat(entry.actor()).isNull());
		assertThat(row.open()).isTrue();
	}

	@Test
	void shouldGiveTheAgeInItsLargestWholeUnit() {
		assertThat(AlertRow.age(Duration.ofHours(49))).isEqualTo("2 d");
		assertThat(AlertRow.age(Duration.ofMinutes(61))).isEqualTo("1 h");
		assertThat(AlertRow.age(Duration.ofSeconds(59))).isEqualTo("0 min");
		assertThat(AlertRow.age(Duration.ofSeconds(-5))).isEqualTo("0 min");
	}

}
