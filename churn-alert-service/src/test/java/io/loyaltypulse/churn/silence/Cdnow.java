package io.loyaltypulse.churn.silence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The CDNOW sample of the test resources (see its README): the published calibration
 * summary, and the raw purchases it was derived from.
 */
final class Cdnow {

	/** The end of the 39-week calibration period. */
	static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

	private Cdnow() {
	}

	/** Per customer id: (x, tx, T) in weeks as published, two decimals. */
	static Map<Integer, PurchaseHistory> summary() {
		Map<Integer, PurchaseHistory> histories = new TreeMap<>();
		for (String line : lines("cdnow/cdnow_customers_summary.csv").subList(1, 2358)) {
			String[] fields = line.split(",");
			histories.put(Integer.parseInt(fields[0]), new PurchaseHistory(Integer.parseInt(fields[1]),
					Double.parseDouble(fields[2]), Double.parseDouble(fields[3])));
		}
		return histories;
	}

	/** Per customer id: every day the customer bought on, over the whole sample. */
	static Map<Integer, TreeSet<LocalDate>> purchaseDays() {
		Map<Integer, TreeSet<LocalDate>> days = new TreeMap<>();
		for (String line : lines("cdnow/CDNOW_sample.txt")) {
			String[] fields = line.strip().split("\\s+");
			days.computeIfAbsent(Integer.parseInt(fields[1]), (id) -> new TreeSet<>())
				.add(LocalDate.parse(fields[2], DateTimeFormatter.BASIC_ISO_DATE));
		}
		return days;
	}

	private static List<String> lines(String resource) {
		try (InputStream in = Cdnow.class.getClassLoader().getResourceAsStream(resource);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			List<String> lines = new ArrayList<>();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					lines.add(line);
				}
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
