package io.loyaltypulse.survey.nps;

import java.util.Arrays;
import java.util.List;

/**
 * The answers of a slice, counted: how many gave each score 0 to 10, and how many skipped
 * the question. Immutable.
 *
 * <p>
 * Rule: promoters score 9-10, passives 7-8, detractors 0-6, over the answers with a
 * score; a skipped question counts as skipped, never as a 0.
 */
public final class AnswerCounts {

	/** Scores 0 to 10. */
	public static final int SCORES = 11;

	public static final AnswerCounts NONE = new AnswerCounts(new long[SCORES], 0);

	private final long[] histogram;

	private final long skipped;

	private AnswerCounts(long[] histogram, long skipped) {
		this.histogram = histogram;
		this.skipped = skipped;
	}

	/**
	 * @param histogram answers per score, 11 counts
	 * @param skipped answers without a score
	 */
	public static AnswerCounts of(long[] histogram, long skipped) {
		if (histogram.length != SCORES) {
			throw new IllegalArgumentException("A histogram has 11 counts, for the scores 0 to 10");
		}
		return new AnswerCounts(histogram.clone(), skipped);
	}

	/**
	 * These counts with one answer added ({@code sign} 1) or taken away ({@code sign}
	 * -1).
	 * @param score 0 to 10, or null for a skipped question
	 */
	public AnswerCounts plus(Integer score, int sign) {
		if (score == null) {
			return new AnswerCounts(this.histogram, this.skipped + sign);
		}
		if (score < 0 || score >= SCORES) {
			throw new IllegalArgumentException("A score is 0 to 10, not " + score);
		}
		long[] histogram = this.histogram.clone();
		histogram[score] += sign;
		return new AnswerCounts(histogram, this.skipped);
	}

	public AnswerCounts plus(AnswerCounts other) {
		long[] histogram = this.histogram.clone();
		for (int score = 0; score < SCORES; score++) {
			histogram[score] += other.histogram[score];
		}
		return new AnswerCounts(histogram, this.skipped + other.skipped);
	}

	public long promoters() {
		return between(9, 10);
	}

	public long passives() {
		return between(7, 8);
	}

	public long detractors() {
		return between(0, 6);
	}

	/** Answers with a score: the n of NPS. */
	public long answered() {
		return between(0, 10);
	}

	public long skipped() {
		return this.skipped;
	}

	/** Answers with the given score. */
	public long withScore(int score) {
		return this.histogram[score];
	}

	public List<Long> histogram() {
		return Arrays.stream(this.histogram).boxed().toList();
	}

	private long between(int low, int high) {
		long sum = 0;
		for (int score = low; score <= high; score++) {
			sum += this.histogram[score];
		}
		return sum;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AnswerCounts counts && this.skipped == counts.skipped
				&& Arrays.equals(this.histogram, counts.histogram);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.histogram) + Long.hashCode(this.skipped);
	}

	@Override
	public String toString() {
		return "AnswerCounts" + Arrays.toString(this.histogram) + " skipped " + this.skipped;
	}

}
