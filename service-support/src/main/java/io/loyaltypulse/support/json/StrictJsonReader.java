package io.loyaltypulse.support.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.support.problems.RequestTooLargeException;
import io.loyaltypulse.support.problems.ApiException;
import io.loyaltypulse.support.validation.ValidatedBody;
import io.loyaltypulse.support.validation.ValidationFailedException;
import io.loyaltypulse.support.validation.Violations;
import io.loyaltypulse.support.validation.Violation;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

/**
 * The one way every service reads a JSON request body: strictly, reporting everything
 * wrong at once. The body is read up to its size limit (413 beyond), parsed as JSON (400
 * when it is not JSON, nests too deep, has duplicate keys or trailing content), then
 * bound to a request class while every unknown field and every value of the wrong type is
 * collected as a {@link Violation} with its JSON Pointer, instead of failing on the
 * first.
 * <p>
 * Rule: refuse what the contract does not allow, never coerce: {@code "5"} is not a
 * number, {@code 2.5} is not a whole number, {@code 1e3} is not a count, {@code 2^63} is
 * out of range, {@code 1732097730} is not a timestamp, {@code "2026-11-20T10:00:00Z"} is
 * not a date.
 */
public class StrictJsonReader {

	/** Deepest nesting accepted; no request of ours nests more than a few levels. */
	static final int MAX_NESTING_DEPTH = 32;

	static final String VIOLATIONS = StrictJsonReader.class.getName() + ".violations";

	private final JsonMapper mapper = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
			.build())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		// Unknown members are found on the tree first (UnknownFields), each by its
		// pointer.
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.addModule(StrictScalars.module())
		// Money: 4.50 stays the decimal 4.50, never a double, through the tree.
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.addHandler(new CollectingProblemHandler())
		.build();

	/** The body, refused with 413 as soon as it exceeds {@code limit}. */
	public byte[] readBody(HttpServletRequest request, DataSize limit) throws IOException {
		long max = limit.toBytes();
		if (request.getContentLengthLong() > max) {
			throw new RequestTooLargeException(request.getContentLengthLong(), max);
		}
		try (InputStream in = request.getInputStream()) {
			// One byte more than allowed tells a body at the limit from one over it,
			// without reading (and buffering) the rest of an oversized body.
			byte[] body = in.readNBytes(Math.toIntExact(Math.min(max + 1, Integer.MAX_VALUE)));
			if (body.length > max) {
				throw new RequestTooLargeException(-1, max);
			}
			return body;
		}
	}

	public JsonNode parse(byte[] body) {
		if (body.length == 0) {
			throw ApiException.malformed("The request body is empty; send a JSON object.");
		}
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw ApiException.malformed("The request body is not valid JSON: " + JsonErrors.describe(ex));
		}
	}

	/**
	 * Binds {@code node} to {@code type}; on return, {@code violations} holds every
	 * unknown field and mistyped value (pointers relative to {@code node}). Mistyped
	 * values are bound as null.
	 */
	public <T> T bind(JsonNode node, Class<T> type, List<Violation> violations) {
		if (!node.isObject()) {
			violations.add(new Violation("", "must be a JSON object"));
			return null;
		}
		UnknownFields.find(node, type, "", violations);
		ObjectReader reader = this.mapper.readerFor(type).withAttribute(VIOLATIONS, violations);
		try {
			return reader.readValue(node);
		}
		catch (JacksonException ex) {
			// What the handler could not recover from, for example an object where a list
			// belongs deep inside a structure.
			violations.add(new Violation(JsonErrors.pointerOf(ex), "has the wrong type: " + JsonErrors.describe(ex)));
			return null;
		}
	}

	/**
	 * Reads, parses and binds a whole body; throws {@link ValidationFailedException} with
	 * every violation when the body does not bind cleanly.
	 */
	public <T> T read(HttpServletRequest request, DataSize limit, Class<T> type) throws IOException {
		List<Violation> violations = new ArrayList<>();
		T value = bind(parse(readBody(request, limit)), type, violations);
		if (value == null || !violations.isEmpty()) {
			throw new ValidationFailedException(violations);
		}
		return value;
	}

	/**
	 * Reads a whole body like {@link #read}, then checks it against its own rules; throws
	 * {@link ValidationFailedException} naming every offending field.
	 */
	public <T extends ValidatedBody> T readValid(HttpServletRequest request, DataSize limit, Class<T> type)
			throws IOException {
		T body = read(request, limit, type);
		Violations violations = new Violations();
		body.validate(violations);
		violations.throwIfAny();
		return body;
	}

}
