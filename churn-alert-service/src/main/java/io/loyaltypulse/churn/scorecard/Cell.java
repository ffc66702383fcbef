package io.loyaltypulse.churn.scorecard;

import java.util.Comparator;

/**
 * One figure's place: a quarter (by index) and a slice; its key is
 * {@code <quarter>|<slice>}.
 *
 * @param quarter the quarter's index
 * @param slice {@code all}, {@code store=<id>} or {@code region=<region>}
 */
record Cell(int quarter, String slice) implements Comparable<Cell> {

	private static final Comparator<Cell> ORDER = Comparator.comparingInt(Cell::quarter).thenComparing(Cell::slice);

	String key() {
		return Slices.key(Quarter.ofIndex(this.quarter), this.slice);
	}

	@Override
	public int compareTo(Cell other) {
		return ORDER.compare(this, other);
	}

}
