package io.loyaltypulse.support.face;

import java.io.IOException;
import java.util.Map;

import io.loyaltypulse.support.json.StrictJsonReader;
import io.loyaltypulse.support.security.EndpointScopes;
import io.loyaltypulse.support.security.Scopes;
import io.loyaltypulse.support.validation.ValidId;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service as small as can be, built on service-support alone: one read endpoint (with
 * two query parameters), one write endpoint, each with its scope.
 */
@SpringBootApplication
class FaceTestApplication {

	@Bean
	EndpointScopes faceEndpoints() {
		return EndpointScopes.builder()
			.require(HttpMethod.GET, "/api/v1/things/{id}", Scopes.POINTS_READ)
			.require(HttpMethod.POST, "/api/v1/things", Scopes.POINTS_ADMIN)
			.build();
	}

	record Thing(String name, Long count) {
	}

	@RestController
	static class Things {

		private final StrictJsonReader reader;

		Things(StrictJsonReader reader) {
			this.reader = reader;
		}

		@GetMapping("/api/v1/things/{id}")
		Map<String, String> thing(@PathVariable @ValidId String id,
				@RequestParam(name = "view", defaultValue = "short") String view,
				@RequestParam(required = false) @ValidId String owner) {
			return Map.of("id", id, "view", view);
		}

		@PostMapping("/api/v1/things")
		Thing create(HttpServletRequest request) throws IOException {
			return this.reader.read(request, DataSize.ofKilobytes(4), Thing.class);
		}

	}

}
