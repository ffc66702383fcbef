package io.loyaltypulse.churn.webhooks;

/**
 * 2xx succeeded; 410 disables the subscription; other 4xx but 408 and 429 fail without
 * retry; anything else (no answer, 3xx, 408, 429, 5xx) is retried.
 */
public enum ResponseVerdict {

	SUCCEEDED, DISABLE, GIVE_UP, RETRY;

	/** The verdict on an attempt's HTTP status, null when no answer came. */
	public static ResponseVerdict of(Integer status) {
		if (status == null) {
			return RETRY;
		}
		if (status >= 200 && status < 300) {
			return SUCCEEDED;
		}
		if (status == 410) {
			return DISABLE;
		}
		if (status >= 400 && status < 500 && status != 408 && status != 429) {
			return GIVE_UP;
		}
		return RETRY;
	}

}
