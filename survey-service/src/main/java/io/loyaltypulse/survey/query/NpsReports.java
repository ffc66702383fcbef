package io.loyaltypulse.survey.query;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import io.loyaltypulse.survey.complaints.ComplaintCounts;
import io.loyaltypulse.survey.config.NpsProperties;
import io.loyaltypulse.survey.engine.ComplaintTopology;
import io.loyaltypulse.survey.nps.AnswerCounts;
import io.loyaltypulse.survey.nps.Granularity;
import io.loyaltypulse.survey.nps.NpsEstimate;
import io.loyaltypulse.survey.nps.NpsEstimator;
import io.loyaltypulse.survey.nps.Ranking;
import io.loyaltypulse.survey.nps.Significance;
import io.loyaltypulse.survey.nps.Slice;

import org.springframework.stereotype.Component;

/**
 * The answers of the NPS API from counts: sums over the days asked for, then
 * {@link NpsEstimator}, {@link Significance} and {@link Ranking}; and the complaint KPIs.
 * The counts come from {@link SliceDays}.
 */
@Component
public class NpsReports {

	private final SliceDays sliceDays;

	private final NpsEstimator estimator;

	NpsReports(SliceDays sliceDays, NpsProperties properties) {
		this.sliceDays = sliceDays;
		this.estimator = properties.estimator();
	}

	NpsAnswers.Score score(NpsQuery query) {
		AnswerCounts total = AnswerCounts.NONE;
		for (AnswerCounts day : this.sliceDays.byDay(query.filters().key(), query.period()).values()) {
			total = total.plus(day);
		}
		NpsFigures figures = NpsFigures.of(this.estimator.estimate(total, query.z()));
		return new NpsAnswers.Score(query.filters().key(), query.filters().byName(), query.period().from().toString(),
				query.period().to().toString(), query.confidence(), query.z(), figures,
				figures.withheld() ? null : total.histogram());
	}

	NpsAnswers.Trend trend(NpsQuery query) {
		NavigableMap<LocalDate, AnswerCounts> days = this.sliceDays.byDay(query.filters().key(), query.period());
		List<NpsAnswers.Point> points = new ArrayList<>();
		NpsEstimate previous = null;
		for (Granularity.Point point : query.granularity().points(query.period())) {
			AnswerCounts total = AnswerCounts.NONE;
			for (AnswerCounts day : days.subMap(point.period().from(), true, point.period().to(), true).values()) {
				total = total.plus(day);
			}
			NpsEstimate estimate = this.estimator.estimate(total, query.z());
			Significance.Change change = Significance.between(previous, estimate, query.z());
			points.add(new NpsAnswers.Point(point.label(), point.period().from().toString(),
					point.period().to().toString(), NpsFigures.of(estimate), change.change(), change.significant()));
			previous = estimate;
		}
		return new NpsAnswers.Trend(query.filters().key(), query.filters().byName(), query.period().from().toString(),
				query.period().to().toString(), query.granularity().key(), query.confidence(), query.z(), points);
	}

	/** The counts of this instance's slices of the breakdown, over its period. */
	Map<String, AnswerCounts> localBreakdown(NpsQuery query) {
		return this.sliceDays.totalsBySlice(query.period(),
				(slice) -> slice.set().equals(query.breakdownSet()) && query.matchesFilters(slice));
	}

	/** The breakdown of the counts of every instance's slices, ranked. */
	NpsAnswers.Breakdown breakdown(NpsQuery query, Map<String, AnswerCounts> totals) {
		List<Ranking.Entry> entries = new ArrayList<>();
		totals.forEach(
				(slice, counts) -> entries.add(new Ranking.Entry(slice, this.estimator.estimate(counts, query.z()))));
		List<NpsAnswers.SliceScore> slices = new ArrayList<>();
		for (Ranking.Ranked ranked : Ranking.rank(entries)) {
			String value = Slice.parse(ranked.entry().key()).values().get(query.dimension());
			slices.add(new NpsAnswers.SliceScore(ranked.entry().key(), value, ranked.rank(),
					NpsFigures.of(ranked.entry().estimate())));
		}
		return new NpsAnswers.Breakdown(query.dimension().key(), query.filters().byName(),
				query.period().from().toString(), query.period().to().toString(), query.confidence(), query.z(),
				slices);
	}

	/** The complaint KPIs of a slice over the period. */
	NpsAnswers.ComplaintKpis complaintKpis(NpsQuery query) {
		ComplaintCounts total = ComplaintCounts.NONE;
		for (ComplaintCounts day : this.sliceDays
			.<ComplaintCounts>byDay(ComplaintTopology.SLICE_DAYS_STORE, query.filters().key(), query.period())
			.values()) {
			total = total.plus(day);
		}
		Duration median = total.medianTimeToResolve();
		return new NpsAnswers.ComplaintKpis(query.filters().key(), query.filters().byName(),
				query.period().from().toString(), query.period().to().toString(), total.filed(), total.resolved(),
				total.open(), total.byCategory(), total.bySeverity(), (median != null) ? median.toString() : null);
	}

}
