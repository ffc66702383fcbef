package io.loyaltypulse.survey.nps;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RankingTest {

	@Test
	void shouldRankByNpsThenAnswersThenKeyWithWithheldSlicesLastUnranked() {
		List<Ranking.Ranked> ranked = Ranking
			.rank(List.of(entry("store=S4", null, 3), entry("store=S1", 20.0, 40), entry("store=S2", 50.0, 10),
					entry("store=S3", 20.0, 90), entry("store=S0", 20.0, 90), entry("store=S5", null, 1)));

		assertThat(ranked).extracting(Ranking.Ranked::rank, (entry) -> entry.entry().key())
			.containsExactly(tuple(1, "store=S2"), tuple(2, "store=S0"), tuple(3, "store=S3"), tuple(4, "store=S1"),
					tuple(null, "store=S4"), tuple(null, "store=S5"));
	}

	private static Ranking.Entry entry(String key, Double nps, long n) {
		boolean withheld = nps == null;
		return new Ranking.Entry(key,
				new NpsEstimate(nps, n, null, null, null, 0, null, null, null, null, null, n < 30, withheld, null));
	}

}
