package io.loyaltypulse.survey.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.loyaltypulse.events.NpsScoreUpdated;
import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.survey.nps.AnswerCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.loyaltypulse.survey.Answers.response;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting, corrections, duplicates, late answers, slices and combinations, and the
 * nps-scores output, on the topology as it runs (exactly-once, repartitioned by slice).
 */
class NpsTopologyTest {

	static final Instant MORNING = Instant.parse("2026-11-20T09:00:00Z");

	static final LocalDate DAY = LocalDate.parse("2026-11-20");

	@TempDir
	Path stateDir;

	NpsDriver nps;

	@BeforeEach
	void startDriver() {
		this.nps = new NpsDriver(this.stateDir, "store+touchpoint");
	}

	@AfterEach
	void closeDriver() {
		this.nps.close();
	}

	@Test
	void shouldCountPromotersPassivesDetractorsAndSkippedPerSliceAndDay() {
		this.nps.send(response("c-1", "r-1", 10, MORNING).build(), response("c-2", "r-2", 9, MORNING).build(),
				response("c-3", "r-3", 8, MORNING).build(), response("c-4", "r-4", 0, MORNING).build(),
				response("c-5", "r-5", null, MORNING).build());

		AnswerCounts all = this.nps.counts("all", DAY);
		assertThat(all.promoters()).isEqualTo(2);
		assertThat(all.passives()).isEqualTo(1);
		assertThat(all.detractors()).isEqualTo(1);
		assertThat(all.answered()).as("a skipped question is not a 0").isEqualTo(4);
		assertThat(all.skipped()).isEqualTo(1);
		assertThat(all.histogram()).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 1L, 1L);
		for (String slice : List.of("store=S1", "channel=WEB", "region=EU", "segment=VIP", "touchpoint=DELIVERY",
				"survey=Q4", "store=S1&touchpoint=DELIVERY")) {
			assertThat(this.nps.counts(slice, DAY)).as(slice).isEqualTo(all);
		}
	}

	@Test
	void shouldCountAnAnswerOnlyInTheSlicesItNames() {
		this.nps.send(response("c-1", "r-1", 10, MORNING).setStoreId(null).setSegment(null).build());

		assertThat(this.nps.allCounts().keySet()).containsExactlyInAnyOrder("all|2026-11-20", "channel=WEB|2026-11-20",
				"region=EU|2026-11-20", "touchpoint=DELIVERY|2026-11-20", "survey=Q4|2026-11-20");
	}

	@Test
	void shouldKeySlicesByEncodedValuesInDimensionOrder() {
		this.nps.send(response("c-1", "r-1", 7, MORNING).setStoreId("Gare du Nord & Co").build());

		assertThat(this.nps.counts("store=Gare+du+Nord+%26+Co&touchpoint=DELIVERY", DAY).passives()).isEqualTo(1);
		assertThat(this.nps.latestScores()).containsKey("store=Gare+du+Nord+%26+Co|2026-11-20")
			.hasEntrySatisfying("store=Gare+du+Nord+%26+Co&touchpoint=DELIVERY|2026-11-20",
					(score) -> assertThat(score.getDimensions()).containsEntry("store", "Gare du Nord & Co")
						.containsEntry("touchpoint", "DELIVERY")
						.hasSize(2));
	}

	@Test
	void shouldReplaceACorrectedAnswerInEverySliceAndDayItTouched() {
		this.nps.send(response("c-1", "r-1", 3, MORNING).build());
		Instant nextDay = MORNING.plus(Duration.ofDays(1));

		this.nps.send(response("c-1", "r-1", 9, nextDay).setStoreId("S2").build());

		assertThat(this.nps.counts("all", DAY)).isEqualTo(AnswerCounts.NONE);
		assertThat(this.nps.counts("store=S1", DAY)).isEqualTo(AnswerCounts.NONE);
		assertThat(this.nps.counts("store=S1&touchpoint=DELIVERY", DAY)).isEqualTo(AnswerCounts.NONE);
		assertThat(this.nps.counts("all", DAY.plusDays(1)).promoters()).isEqualTo(1);
		assertThat(this.nps.counts("store=S2", DAY.plusDays(1)).promoters()).isEqualTo(1);
		assertThat(this.nps.counts("store=S1", DAY.plusDays(1))).isEqualTo(AnswerCounts.NONE);
		assertThat(this.nps.latestScores().get("store=S1|2026-11-20")).satisfies((score) -> {
			assertThat(score.getDetractors()).isZero();
			assertThat(score.getHistogram()).containsOnly(0L);
		});
	}

	@Test
	void shouldChangeNothingOnARepeatOrAnOlderVersion() {
		SurveyResponded answer = response("c-1", "r-1", 6, MORNING).build();
		this.nps.send(answer);
		this.nps.latestScores();

		this.nps.send(answer, response("c-1", "r-1", 10, MORNING).build(),
				response("c-1", "r-1", 10, MORNING.minusSeconds(60)).build());

		assertThat(this.nps.counts("all", DAY).detractors()).isEqualTo(1);
		assertThat(this.nps.counts("all", DAY).answered()).isEqualTo(1);
		assertThat(this.nps.latestScores()).as("nothing changed, nothing to tell").isEmpty();
	}

	@Test
	void shouldCountASkippedAnswerCorrectedToAScoreOnlyOnce() {
		this.nps.send(response("c-1", "r-1", null, MORNING).build(),
				response("c-1", "r-1", 8, MORNING.plusSeconds(5)).build());

		AnswerCounts all = this.nps.counts("all", DAY);
		assertThat(all.skipped()).isZero();
		assertThat(all.passives()).isEqualTo(1);
	}

	@Test
	void shouldLandALateAnswerOnItsOwnDay() {
		this.nps.send(response("c-1", "r-1", 10, MORNING).build());

		this.nps.send(response("c-2", "r-2", 2, MORNING.minus(Duration.ofDays(9))).build());

		assertThat(this.nps.counts("all", DAY.minusDays(9)).detractors()).isEqualTo(1);
		assertThat(this.nps.counts("all", DAY).detractors()).isZero();
		assertThat(this.nps.latestScores()).containsKey("all|2026-11-11");
	}

	@Test
	void shouldCountByTheUtcDayOfOccurredAt() {
		this.nps.send(response("c-1", "r-1", 10, Instant.parse("2026-11-20T23:59:59.999Z")).build(),
				response("c-2", "r-2", 10, Instant.parse("2026-11-21T00:00:00Z")).build());

		assertThat(this.nps.counts("all", DAY).promoters()).isEqualTo(1);
		assertThat(this.nps.counts("all", DAY.plusDays(1)).promoters()).isEqualTo(1);
	}

	@Test
	void shouldPublishTheCountsOfEachChangedSliceDayKeyedByTheSlice() {
		this.nps.send(response("c-1", "r-1", 10, MORNING).build(), response("c-2", "r-2", 4, MORNING).build());

		NpsScoreUpdated all = this.nps.latestScores().get("all|2026-11-20");
		assertThat(all.getSlice()).isEqualTo("all");
		assertThat(all.getDimensions()).isEmpty();
		assertThat(all.getDay()).isEqualTo(DAY);
		assertThat(all.getPromoters()).isEqualTo(1);
		assertThat(all.getDetractors()).isEqualTo(1);
		assertThat(all.getPassives()).isZero();
		assertThat(all.getHistogram()).containsExactly(0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 1L);
	}

	@Test
	void shouldDeadLetterAnAnswerOlderThanTheRetentionAndOneNotKeyedByItsCustomer() {
		this.nps.send(response("c-1", "r-1", 10, MORNING).build());
		SurveyResponded tooOld = response("c-2", "r-2", 10, MORNING.minus(NpsDriver.RETENTION).minusSeconds(1)).build();
		this.nps.responses.pipeInput("c-2", tooOld, tooOld.getOccurredAt());
		this.nps.responses.pipeInput("c-other", response("c-3", "r-3", 10, MORNING).build(), MORNING);

		assertThat(this.nps.deadLetterReasons()).satisfiesExactly(
				(reason) -> assertThat(reason).contains("older than the retention"),
				(reason) -> assertThat(reason).contains("not keyed by its customerId"));
		assertThat(this.nps.counts("all", DAY).answered()).isEqualTo(1);
	}

	@Test
	void shouldSkipUndecodableBytesAndGoOn() {
		// TopologyTestDriver does not capture what a deserialization handler sends; that
		// the bytes reach survey-responses.DLT is DeadLetterHandlerTest's
		// (service-support).
		this.nps.rawResponses.pipeInput("c-1", "definitely not avro".getBytes(StandardCharsets.UTF_8), MORNING);
		this.nps.send(response("c-1", "r-1", 10, MORNING).build());

		assertThat(this.nps.counts("all", DAY).promoters()).isEqualTo(1);
		assertThat(this.nps.counts("all", DAY).answered()).isEqualTo(1);
	}

}
