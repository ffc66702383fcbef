package io.loyaltypulse.churn.scorecard;

import java.util.ArrayList;
import java.util.List;

/**
 * The slices of the scorecard and the keys of its figures: {@code all},
 * {@code store=<storeId>}, {@code region=<region>}; a figure's key is
 * {@code <quarter>|<slice>}, e.g. {@code 2026-Q3|store=S1}.
 */
final class Slices {

	static final String ALL = "all";

	static final String STORE_PREFIX = "store=";

	static final String REGION_PREFIX = "region=";

	private Slices() {
	}

	static String store(String storeId) {
		return STORE_PREFIX + storeId;
	}

	static String region(String region) {
		return REGION_PREFIX + region;
	}

	/** The slices an order counts in: all, its store and its region (when it has one). */
	static List<String> of(String storeId, String region) {
		List<String> slices = new ArrayList<>(3);
		slices.add(ALL);
		slices.add(store(storeId));
		if (region != null) {
			slices.add(region(region));
		}
		return slices;
	}

	static String key(Quarter quarter, String slice) {
		return quarter + "|" + slice;
	}

	/** The slice of a key (after the first {@code |}: a quarter has none). */
	static String sliceOf(String key) {
		return key.substring(key.indexOf('|') + 1);
	}

	/** The quarter text of a key. */
	static String quarterOf(String key) {
		return key.substring(0, key.indexOf('|'));
	}

}
