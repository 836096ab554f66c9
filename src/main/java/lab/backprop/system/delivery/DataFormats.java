package lab.backprop.system.delivery;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.ServletWebRequest;

/** The two forms of a data answer, JSON (the default) and CBOR. */
public final class DataFormats {

	private static final HeaderContentNegotiationStrategy ACCEPT = new HeaderContentNegotiationStrategy();

	private DataFormats() {
	}

	/** Whether {@code contentType} (a header's value, or {@code null}) is CBOR. */
	public static boolean isCbor(String contentType) {
		return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/cbor");
	}

	/**
	 * JSON or CBOR, whichever the request's {@code Accept} ranks first (Spring's order:
	 * quality, then specificity); JSON when it names neither, for an answer that has no
	 * other form.
	 */
	public static MediaType jsonOrCbor(HttpServletRequest request) {
		List<MediaType> accepted;
		try {
			accepted = ACCEPT.resolveMediaTypes(new ServletWebRequest(request));
		}
		catch (HttpMediaTypeNotAcceptableException unreadable) {
			return MediaType.APPLICATION_JSON;
		}
		for (MediaType type : accepted) {
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
				return MediaType.APPLICATION_JSON;
			}
			if (type.isCompatibleWith(MediaType.APPLICATION_CBOR)) {
				return MediaType.APPLICATION_CBOR;
			}
		}
		return MediaType.APPLICATION_JSON;
	}

}
