package io.loyaltypulse.purchase.web;

import org.springframework.http.HttpStatus;

/** The body is not JSON, or not the JSON object expected. */
public class MalformedRequestException extends IngestException {

	public MalformedRequestException(String detail) {
		super(detail, null);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.BAD_REQUEST;
	}

	@Override
	public String reason() {
		return "malformed";
	}

	@Override
	public String title() {
		return "Malformed request body";
	}

}
