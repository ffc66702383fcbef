package io.loyaltypulse.support.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Holds every API handler to {@link QueryParameterRules}: the names it takes are its
 * {@code @RequestParam} parameters. A handler that takes the whole map
 * ({@code @RequestParam MultiValueMap}) knows its names itself and applies the rules
 * itself. Only the query string counts: a body is read by the handler, never as
 * parameters.
 */
public class StrictQueryParameters implements HandlerInterceptor {

	/** The names each handler takes; empty for a handler that checks them itself. */
	private final Map<HandlerMethod, Optional<Set<String>>> knownByHandler = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null) {
			return true;
		}
		this.knownByHandler.computeIfAbsent(method, StrictQueryParameters::known)
			.ifPresent((known) -> QueryParameterRules.requireKnownAndSingle(query(request), known));
		return true;
	}

	private static Optional<Set<String>> known(HandlerMethod method) {
		Set<String> names = new LinkedHashSet<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
			if (annotation == null) {
				continue;
			}
			if (Map.class.isAssignableFrom(parameter.getParameterType())) {
				return Optional.empty();
			}
			names.add(StringUtils.hasText(annotation.name()) ? annotation.name() : parameter.getParameterName());
		}
		return Optional.of(names);
	}

	/** The query string's parameters, names decoded, each with all its values. */
	private static Map<String, List<String>> query(HttpServletRequest request) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		UriComponentsBuilder.newInstance()
			.query(request.getQueryString())
			.build()
			.getQueryParams()
			.forEach((name, values) -> parameters.computeIfAbsent(decoded(name), (key) -> new ArrayList<>())
				.addAll(values));
		return parameters;
	}

	private static String decoded(String name) {
		try {
			return UriUtils.decode(name, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return name;
		}
	}

}
