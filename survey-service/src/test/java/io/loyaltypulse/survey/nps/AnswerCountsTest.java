package io.loyaltypulse.survey.nps;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AnswerCountsTest {

	@Test
	void shouldClassifyScoresAtTheBoundaries() {
		AnswerCounts counts = AnswerCounts.NONE;
		for (int score = 0; score <= 10; score++) {
			counts = counts.plus(score, 1);
		}

		assertThat(counts.detractors()).as("0 to 6").isEqualTo(7);
		assertThat(counts.passives()).as("7 and 8").isEqualTo(2);
		assertThat(counts.promoters()).as("9 and 10").isEqualTo(2);
		assertThat(counts.answered()).isEqualTo(11);
	}

	@Test
	void shouldCountASkippedQuestionAsSkippedNeverAsZero() {
		AnswerCounts counts = AnswerCounts.NONE.plus(null, 1);

		assertThat(counts.skipped()).isEqualTo(1);
		assertThat(counts.answered()).isZero();
		assertThat(counts.withScore(0)).isZero();
	}

	@Test
	void shouldTakeBackWhatWasAddedAndAddUpCounts() {
		AnswerCounts counts = AnswerCounts.NONE.plus(9, 1).plus(3, 1).plus(9, -1);

		assertThat(counts).isEqualTo(AnswerCounts.NONE.plus(3, 1));
		assertThat(counts.plus(AnswerCounts.NONE.plus(null, 1).plus(3, 1)).histogram()).containsExactly(0L, 0L, 0L, 2L,
				0L, 0L, 0L, 0L, 0L, 0L, 0L);
		assertThat(AnswerCounts.NONE.plus(5, 1)).as("immutable").isNotEqualTo(AnswerCounts.NONE);
	}

	@Test
	void shouldRefuseAScoreOutsideZeroToTen() {
		assertThatIllegalArgumentException().isThrownBy(() -> AnswerCounts.NONE.plus(11, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> AnswerCounts.NONE.plus(-1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> AnswerCounts.of(new long[10], 0));
	}

}
