package io.loyaltypulse.support.problems;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one problem-type scheme of every service:
 * {@code https://loyaltypulse.io/problems/<reason>}.
 */
public final class ProblemTypes {

	/** Problem types are URIs under this base, one per reason. */
	public static final String BASE = "https://loyaltypulse.io/problems/";

	private ProblemTypes() {
	}

	public static URI type(String reason) {
		return URI.create(BASE + reason);
	}

	public static ProblemDetail problem(HttpStatusCode status, String reason, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(reason));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * The reason of a framework error that carries no reason of its own, from its status:
	 * 404 {@code not-found}, 405 {@code method-not-allowed}, 413 {@code too-large}, ...
	 */
	public static String reasonFor(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "malformed";
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 409 -> "conflict";
			case 413 -> "too-large";
			case 414 -> "uri-too-long";
			case 415 -> "unsupported-media-type";
			case 422 -> "unprocessable";
			case 431 -> "headers-too-large";
			case 503 -> "unavailable";
			default -> (status.is4xxClientError()) ? "client-error" : "server-error";
		};
	}

	/** A problem as the JSON members RFC 9457 names, extension members flattened in. */
	public static Map<String, Object> toJson(ProblemDetail problem) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", String.valueOf(problem.getType()));
		json.put("title", problem.getTitle());
		json.put("status", problem.getStatus());
		json.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			json.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			json.putAll(problem.getProperties());
		}
		return json;
	}

}
