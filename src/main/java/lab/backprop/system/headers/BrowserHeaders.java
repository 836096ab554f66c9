package lab.backprop.system.headers;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every answer tells a browser about itself: a Content-Security-Policy that loads
 * nothing from other sites and runs no inline script, {@code X-Content-Type-Options:
 * nosniff} and a {@code Referrer-Policy}.
 *
 * @param frameAncestors who may show the page in a frame (CSP {@code frame-ancestors}):
 * {@code 'self'} by default; a course site that embeds the page adds its origin, e.g.
 * {@code 'self' https://course.example.org}
 * @param referrerPolicy the {@code Referrer-Policy} header
 */
@ConfigurationProperties("backprop.headers")
public record BrowserHeaders(@DefaultValue("'self'") List<String> frameAncestors,
		@DefaultValue("no-referrer") String referrerPolicy) {

	/**
	 * Scripts, styles, images, fonts and requests from this origin only (images also as
	 * {@code data:} URIs, which the Swagger UI's icons are); styles may be set inline
	 * (the Swagger UI's components do), scripts never.
	 */
	public String contentSecurityPolicy() {
		return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
				+ "font-src 'self'; connect-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
				+ "frame-ancestors " + String.join(" ", frameAncestors);
	}

}
