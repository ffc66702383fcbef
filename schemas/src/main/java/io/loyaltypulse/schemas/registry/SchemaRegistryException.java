package io.loyaltypulse.schemas.registry;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The registry refused a request, or could not be reached. {@link #getMessage()} quotes
 * the registry's own reason, so that an incompatible schema change says what is
 * incompatible.
 */
public class SchemaRegistryException extends RuntimeException {

	/** Status used when no HTTP answer was received at all. */
	public static final int UNREACHABLE = -1;

	private final int status;

	private final int errorCode;

	public SchemaRegistryException(int status, int errorCode, String message) {
		this(status, errorCode, message, null);
	}

	public SchemaRegistryException(int status, int errorCode, String message, Throwable cause) {
		super(message, cause);
		this.status = status;
		this.errorCode = errorCode;
	}

	/** The HTTP status, or {@link #UNREACHABLE}. */
	public int status() {
		return this.status;
	}

	/**
	 * The registry's {@code error_code} (for example 40401 subject not found), or the
	 * status if it sent none.
	 */
	public int errorCode() {
		return this.errorCode;
	}

	public boolean isNotFound() {
		return this.status == 404;
	}

	/**
	 * The registry refused a schema because it breaks the subject's compatibility level.
	 */
	public boolean isIncompatibleSchema() {
		return this.status == 409;
	}

	/** Worth retrying later: the registry was unreachable or failed on its side. */
	public boolean isTransient() {
		return this.status == UNREACHABLE || this.status >= 500;
	}

	/**
	 * Whether the cause chain of a failure (a deserializer's, say) holds a registry
	 * failure worth retrying, as opposed to bad bytes: a consumer must then read the
	 * record again later rather than skip or dead-letter it.
	 */
	public static boolean isTransientCause(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (cause instanceof SchemaRegistryException registry && registry.isTransient()) {
				return true;
			}
		}
		return false;
	}

}
