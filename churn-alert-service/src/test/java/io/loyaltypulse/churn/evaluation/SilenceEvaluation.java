package io.loyaltypulse.churn.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.loyaltypulse.churn.silence.BgNbd;
import io.loyaltypulse.churn.silence.BgNbdFitter;
import io.loyaltypulse.churn.silence.BgNbdParameters;
import io.loyaltypulse.churn.silence.PurchaseHistory;
import io.loyaltypulse.churn.silence.PurchaseRhythm;
import io.loyaltypulse.churn.silence.SilenceRule;

/**
 * The SILENCE signal on real purchase histories, next to fixed thresholds: the CDNOW
 * sample, calibrated on its first 39 weeks (1997-01-01 to 1997-09-30), every customer
 * with at least one repeat purchase day scored on 1997-09-30, and measured against
 * whether they bought again in weeks 40 to 78 (to 1998-06-30). Prints the ROC AUC of each
 * score (how well it ranks the customers who did not come back above those who did) and
 * the precision and recall of each alert rule. Not a test: it measures and prints.
 *
 * <pre>
 * ./mvnw -q -pl churn-alert-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *   -Dmdep.outputFile="$PWD/churn-alert-service/target/eval.classpath"
 * java -cp "churn-alert-service/target/test-classes:churn-alert-service/target/classes:$(cat churn-alert-service/target/eval.classpath)" \
 *   io.loyaltypulse.churn.evaluation.SilenceEvaluation churn-alert-service/src/test/resources/cdnow/CDNOW_sample.txt
 * </pre>
 */
public final class SilenceEvaluation {

	private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

	private static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

	private SilenceEvaluation() {
	}

	/**
	 * One scored customer: what was known on the calibration end, and what happened next.
	 */
	private record Scored(NavigableSet<LocalDate> days, PurchaseHistory history, long daysSilent, boolean left) {
	}

	public static void main(String[] args) throws IOException {
		Path sample = Path
			.of((args.length > 0) ? args[0] : "churn-alert-service/src/test/resources/cdnow/CDNOW_sample.txt");
		Map<Integer, NavigableSet<LocalDate>> purchases = read(sample);
		List<PurchaseHistory> calibration = new ArrayList<>();
		List<Scored> scored = new ArrayList<>();
		for (NavigableSet<LocalDate> days : purchases.values()) {
			NavigableSet<LocalDate> known = days.headSet(CALIBRATION_END, true);
			PurchaseHistory history = PurchaseHistory.inWeeks(known, CALIBRATION_END);
			calibration.add(history);
			if (history.x() >= 1) {
				boolean boughtAgain = !days.subSet(CALIBRATION_END, false, HOLDOUT_END, true).isEmpty();
				scored.add(new Scored(known, history, ChronoUnit.DAYS.between(known.last(), CALIBRATION_END),
						!boughtAgain));
			}
		}
		BgNbdFitter.Fit fit = new BgNbdFitter().fit(calibration);
		BgNbdParameters model = fit.parameters();
		Scoreboard<Scored> board = new Scoreboard<>(scored, Scored::left);
		long left = board.leftCount();
		print("CDNOW: %d customers, %d scored (a repeat purchase day by %s), %d of them did not buy again by %s",
				calibration.size(), scored.size(), CALIBRATION_END, left, HOLDOUT_END);
		print("BG/NBD fitted on the calibration period: r=%.4f alpha=%.4f a=%.4f b=%.4f, log-likelihood %.2f",
				model.r(), model.alpha(), model.a(), model.b(), fit.logLikelihood());
		print("");
		print("%-52s %7s", "score", "ROC AUC");
		board.auc("days silent", (customer) -> customer.daysSilent());
		board.auc("own rhythm: days silent / median of the last 10 gaps",
				(customer) -> PurchaseRhythm.of(customer.days(), CALIBRATION_END, 10).silenceRatio());
		board.auc("1 - P(alive)", (customer) -> 1 - BgNbd.probabilityAlive(model, customer.history()));
		for (int weeks : new int[] { 13, 26, 39 }) {
			board.auc("P(no purchase in the next " + weeks + " weeks)",
					(customer) -> BgNbd.probabilityNoPurchaseWithin(model, customer.history(), weeks));
		}
		SilenceRule silence = new SilenceRule(1, 10, 39, 0.5);
		board.auc("SILENCE risk: own gaps and BG/NBD, 39 weeks",
				(customer) -> silence.measure(customer.days(), CALIBRATION_END, model).orElseThrow().silenceRisk());
		board.auc("SILENCE: 1 - P(alive), own gaps and BG/NBD", (customer) -> 1
				- silence.measure(customer.days(), CALIBRATION_END, model).orElseThrow().probabilityAlive());
		print("");
		print("%-52s %9s %7s %7s", "alert rule", "precision", "recall", "alerts");
		for (int days : new int[] { 30, 60, 90 }) {
			board.alerts("fixed: silent more than " + days + " days", (customer) -> customer.daysSilent() > days);
		}
		board.alerts("BG/NBD alone: risk(39 weeks) >= 0.5, 1+ repeat days",
				(customer) -> BgNbd.probabilityNoPurchaseWithin(model, customer.history(), 39) >= 0.5);
		for (int minRepeats : new int[] { 1, 3 }) {
			for (double threshold : new double[] { 0.4, 0.5, 0.6, 0.8, 0.9 }) {
				SilenceRule rule = new SilenceRule(minRepeats, 10, 39, threshold);
				board.alerts("SILENCE: risk(39 weeks) >= %.2f, %d+ repeat days".formatted(threshold, minRepeats),
						(customer) -> rule.evaluate(customer.days(), CALIBRATION_END, model).isPresent());
			}
		}
	}

	private static Map<Integer, NavigableSet<LocalDate>> read(Path sample) throws IOException {
		Map<Integer, NavigableSet<LocalDate>> purchases = new TreeMap<>();
		for (String line : Files.readAllLines(sample)) {
			if (line.isBlank()) {
				continue;
			}
			String[] fields = line.strip().split("\\s+");
			purchases.computeIfAbsent(Integer.parseInt(fields[1]), (id) -> new TreeSet<>())
				.add(LocalDate.parse(fields[2], DateTimeFormatter.BASIC_ISO_DATE));
		}
		return purchases;
	}

	private static void print(String format, Object... args) {
		Scoreboard.print(format, args);
	}

}
