package io.loyaltypulse.support.publishing;

import io.loyaltypulse.support.problems.ApiException;
import io.loyaltypulse.support.problems.ServiceUnavailableException;

import org.springframework.http.HttpStatus;

/**
 * Publishing failed for a reason that retrying will not cure, for example the registry
 * refusing the schema: 500, and an operator must look.
 */
public class PublishFailedException extends ApiException {

	public PublishFailedException(Throwable cause) {
		super(HttpStatus.INTERNAL_SERVER_ERROR, "publish-failed", "Event could not be published",
				"The event could not be published: " + ServiceUnavailableException.rootMessage(cause), cause);
	}

}
