package io.loyaltypulse.purchase.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ProblemDetail;

/** A problem as the JSON members RFC 9457 names, extension members flattened in. */
public final class Problems {

	private Problems() {
	}

	public static Map<String, Object> toJson(ProblemDetail problem) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", String.valueOf(problem.getType()));
		json.put("title", problem.getTitle());
		json.put("status", problem.getStatus());
		json.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			json.putAll(problem.getProperties());
		}
		return json;
	}

}
