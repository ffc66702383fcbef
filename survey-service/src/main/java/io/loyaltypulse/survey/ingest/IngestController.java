package io.loyaltypulse.survey.ingest;

import java.io.IOException;

import io.loyaltypulse.support.ingest.Accepted;
import io.loyaltypulse.support.ingest.EventIngest;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Survey answers, complaints and resolutions, one per request, handed to
 * service-support's {@link EventIngest}: 202 with the event id once Kafka acknowledged
 * it, or an RFC 9457 problem naming every offending field.
 */
@RestController
@RequestMapping(path = "/api/v1", consumes = MediaType.APPLICATION_JSON_VALUE,
		produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
class IngestController {

	private final EventIngest ingest;

	IngestController(EventIngest ingest) {
		this.ingest = ingest;
	}

	@PostMapping("/survey-responses")
	ResponseEntity<Accepted> surveyResponded(HttpServletRequest http, Authentication caller) throws IOException {
		return this.ingest.accept(SurveyEventType.SURVEY_RESPONDED, http, caller);
	}

	@PostMapping("/complaints")
	ResponseEntity<Accepted> complaintFiled(HttpServletRequest http, Authentication caller) throws IOException {
		return this.ingest.accept(SurveyEventType.COMPLAINT_FILED, http, caller);
	}

	@PostMapping("/complaints/{complaintId}/resolution")
	ResponseEntity<Accepted> complaintResolved(@PathVariable String complaintId, HttpServletRequest http,
			Authentication caller) throws IOException {
		return this.ingest.accept(SurveyEventType.COMPLAINT_RESOLVED, http, caller,
				(request, violations) -> ((ResolutionRequest) request).withComplaintId(complaintId, violations));
	}

}
