package lab.backprop.system.problem;

import io.swagger.v3.oas.annotations.media.Schema;

/** One problem with the request body: where (a JSON Pointer, RFC 6901) and what. */
@Schema(description = "One problem in the request body.")
public record FieldError(@Schema(
		description = "JSON Pointer (RFC 6901) to the value, e.g. `/layers/1/weights`; empty for the whole body.",
		example = "/learningRate") String pointer,
		@Schema(description = "What is wrong, for a person.", example = "is required") String message) {
}
