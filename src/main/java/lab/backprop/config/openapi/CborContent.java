package lab.backprop.config.openapi;

import java.util.Arrays;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * An operation that takes or answers {@code application/cbor} (its mapping's
 * {@code consumes} and {@code produces} say so) documents it beside JSON, right after it
 * and with the same schema: the same fields, another encoding. JSON stays first, so a
 * generated client that picks the first media type keeps JSON.
 */
@Component
class CborContent implements OperationCustomizer {

	private static final String CBOR = org.springframework.http.MediaType.APPLICATION_CBOR_VALUE;

	private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		if (mapping == null) {
			return operation;
		}
		if (Arrays.asList(mapping.consumes()).contains(CBOR) && operation.getRequestBody() != null) {
			operation.getRequestBody().setContent(withCbor(operation.getRequestBody().getContent()));
		}
		if (Arrays.asList(mapping.produces()).contains(CBOR) && operation.getResponses() != null) {
			ApiResponse ok = operation.getResponses().get("200");
			if (ok != null) {
				ok.setContent(withCbor(ok.getContent()));
			}
		}
		return operation;
	}

	/** {@code content} with CBOR right after JSON, with JSON's schema and no examples. */
	private static Content withCbor(Content content) {
		if (content == null || !content.containsKey(JSON)) {
			return content;
		}
		Content ordered = new Content();
		for (Map.Entry<String, MediaType> entry : content.entrySet()) {
			if (entry.getKey().equals(CBOR)) {
				continue;
			}
			ordered.addMediaType(entry.getKey(), entry.getValue());
			if (entry.getKey().equals(JSON)) {
				ordered.addMediaType(CBOR, new MediaType().schema(entry.getValue().getSchema()));
			}
		}
		return ordered;
	}

}
