package lab.backprop.config.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Every error answer of every operation is documented as what it is: an
 * {@code application/problem+json} {@code Problem}. Each operation also gets the errors
 * the service gives it whatever its controller says: 406 for an {@code Accept} it cannot
 * answer; with a body, 400 (not valid), 413 (over a limit), 415 (a media type it does not
 * take) and 503 (the memory admission, with {@code Retry-After}); with a query parameter,
 * 400; with a path parameter, 404; and 429 (the rate limit per client, when an operator
 * switches it on, with {@code Retry-After} and the IETF draft's {@code RateLimit-Policy}
 * and {@code RateLimit}). An operation's own description of a status is kept.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ProblemResponses implements OpenApiCustomizer {

	static final String PROBLEM = "Problem";

	static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final Map<String, String> WITH_BODY = Map.of("400", """
			The request is not valid: `errors` lists each problem of the body with a JSON Pointer; a query \
			parameter or header at fault is named by `parameter`.""", "413",
			"The request is over a configured limit (`backprop.limits`): `errors` points at what is too large and names the limit.",
			"415", "The body is not `application/json` (nor `application/cbor`, where the operation takes it).", "503",
			"""
					Other large requests hold the memory this one needs and did not free it in time \
					(`backprop.admission`): try again after `Retry-After` seconds.""");

	private static final String BAD_PARAMETER = """
			A query parameter is not valid: `parameter` names it (and `allowed` lists the values it \
			takes, where there is a list).""";

	private static final String NOT_FOUND = "Nothing has that name: the problem's `detail` says which names there are.";

	private static final String TOO_MANY_REQUESTS = """
			This client (its address, or the header the operator names) has used up its requests or its \
			work for now: only where the operator switched the rate limit on (`backprop.rate-limit`, off by \
			default). Try again after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` say the quota \
			and what is left.""";

	private static final String NOT_ACCEPTABLE = """
			The `Accept` header allows none of the media types this operation answers with (the problem \
			itself is `application/problem+json` all the same).""";

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getComponents().addSchemas(PROBLEM, ProblemSchema.problem());
		openApi.getComponents().addSchemas(ProblemSchema.ERROR, ProblemSchema.error());
		SchemaTree.forEachOperation(openApi, this::document);
	}

	private void document(Operation operation) {
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		if (operation.getRequestBody() != null) {
			WITH_BODY.forEach((status, description) -> ensure(responses, status, description));
		}
		if (has(operation, "query")) {
			ensure(responses, "400", BAD_PARAMETER);
		}
		if (has(operation, "path")) {
			ensure(responses, "404", NOT_FOUND);
		}
		ensure(responses, "406", NOT_ACCEPTABLE);
		ensure(responses, "429", TOO_MANY_REQUESTS);
		Map<String, ApiResponse> sorted = new LinkedHashMap<>();
		responses.keySet().stream().sorted().forEach(status -> sorted.put(status, responses.get(status)));
		ApiResponses ordered = new ApiResponses();
		sorted.forEach(ordered::addApiResponse);
		for (Map.Entry<String, ApiResponse> entry : ordered.entrySet()) {
			if (!isError(entry.getKey())) {
				continue;
			}
			entry.getValue()
				.setContent(new Content().addMediaType(PROBLEM_JSON,
						new MediaType().schema(new JsonSchema().$ref(SchemaTree.COMPONENTS + PROBLEM))));
			if (entry.getKey().equals("503") || entry.getKey().equals("429")) {
				entry.getValue()
					.addHeaderObject(HttpHeaders.RETRY_AFTER,
							new Header().description("Seconds to wait before trying again.")
								.schema(new JsonSchema().types(Set.of("integer")).minimum(java.math.BigDecimal.ZERO)));
			}
			if (entry.getKey().equals("429")) {
				entry.getValue()
					.addHeaderObject("RateLimit-Policy",
							new Header()
								.description("The quotas: `\"requests\";q=…;w=…` and `\"work\";q=…;w=…` (IETF draft).")
								.schema(new JsonSchema().types(Set.of("string"))))
					.addHeaderObject("RateLimit",
							new Header()
								.description(
										"What is left of the bucket that refused: `\"name\";r=…;t=…` (IETF draft).")
								.schema(new JsonSchema().types(Set.of("string"))));
			}
		}
		operation.setResponses(ordered);
	}

	private static void ensure(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status, new ApiResponse().description(description));
		}
	}

	private static boolean has(Operation operation, String in) {
		return operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch(parameter -> in.equals(parameter.getIn()));
	}

	private static boolean isError(String status) {
		return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
	}

	/** The problem+json body, RFC 9457 with this service's extension members. */
	static final class ProblemSchema {

		static final String ERROR = "ProblemError";

		private ProblemSchema() {
		}

		static Schema<?> problem() {
			Map<String, Schema> properties = new LinkedHashMap<>();
			properties.put("type", string("uri", """
					What kind of problem, as a URI: `urn:backprop-lab:problem:invalid-request`, \
					`…:malformed-json`, `…:too-large`, `…:not-finite`, `…:busy`, or `…:` and the status \
					name (`…:not-found`, `…:not-acceptable`, …).""", "urn:backprop-lab:problem:invalid-request"));
			properties.put("title",
					string(null, "A short summary of the kind of problem.", "The request body is not valid"));
			properties.put("status",
					new JsonSchema().types(Set.of("integer"))
						.format("int32")
						.minimum(java.math.BigDecimal.valueOf(400))
						.maximum(java.math.BigDecimal.valueOf(599))
						.description("The HTTP status code, as in the status line.")
						.example(400));
			properties.put("detail", string(null, "What went wrong with this request, for a person.",
					"/learningRate is required: a finite number > 0, such as 0.1"));
			properties.put("instance", string("uri-reference", "The path that was asked for.", "/train-step"));
			properties.put("errors", new JsonSchema().types(Set.of("array"))
				.items(new JsonSchema().$ref(SchemaTree.COMPONENTS + ERROR))
				.description("400 and 413 of a body: each problem of the body, where (a JSON Pointer) and what."));
			properties.put("parameter", string(null,
					"A query parameter or header at fault: its name (a 400 about a parameter).", "include"));
			properties.put("allowed", strings("The values the parameter allows (an unknown value of a parameter)."));
			properties.put("names", strings("The names there are (404 of an unknown name, such as an example's)."));
			properties.put("quantity", string(null, """
					422: the first quantity that is not a finite number, as a path into the /train-step \
					answer.""", "after.loss"));
			properties.put("limit", string(null, "413 over a compute budget: the property that sets the budget.",
					"backprop.limits.max-train-work"));
			properties.put("budget", wholeNumber("413 over a compute budget: the budget, in its units."));
			properties.put("work",
					wholeNumber("413 over a compute budget: what the request asked for, in the same units."));
			JsonSchema problem = new JsonSchema();
			problem.types(Set.of("object"))
				.description("""
						An error, as RFC 9457 problem details (`application/problem+json`), whatever the \
						request's `Accept` header said. `type`, `title`, `status` and `detail` are always \
						there; the other members where they apply. Further members may be added.""")
				.required(List.of("type", "title", "status", "detail"));
			problem.setProperties(properties);
			return problem;
		}

		static Schema<?> error() {
			JsonSchema error = new JsonSchema();
			error.types(Set.of("object"))
				.description("One problem in the request body.")
				.required(List.of("pointer", "message"))
				.addProperty("pointer", string(null, """
						A JSON Pointer (RFC 6901) to the value at fault, such as `/layers/1/weights`; empty for \
						the whole body.""", "/learningRate"))
				.addProperty("message", string(null, "What is wrong, for a person.", "is required"));
			return error;
		}

		private static Schema<?> string(String format, String description, String example) {
			return new JsonSchema().types(Set.of("string")).format(format).description(description).example(example);
		}

		private static Schema<?> strings(String description) {
			return new JsonSchema().types(Set.of("array"))
				.items(new JsonSchema().types(Set.of("string")))
				.description(description);
		}

		private static Schema<?> wholeNumber(String description) {
			return new JsonSchema().types(Set.of("integer")).format("int64").description(description);
		}

	}

}
