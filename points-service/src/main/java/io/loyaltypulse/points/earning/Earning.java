package io.loyaltypulse.points.earning;

import java.util.List;

/**
 * What a purchase earns: the points of each line and their sum.
 *
 * @param lines per line, in order
 * @param explanation the rules applied, for the ledger entry
 */
public record Earning(List<LineEarning> lines, String explanation) {

	public Earning {
		lines = List.copyOf(lines);
	}

	public long points() {
		return this.lines.stream().mapToLong(LineEarning::points).sum();
	}

}
