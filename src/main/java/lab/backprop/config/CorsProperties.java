package lab.backprop.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which web pages on other origins may call the service from a browser.
 *
 * @param allowedOrigins origins such as {@code https://app.example.org}; a pattern may
 * use {@code *} for a subdomain or {@code [*]} for any port
 * ({@code http://localhost:[*]}); {@code *} alone allows every origin; an empty value
 * allows none. The default allows front ends under development on this machine.
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("backprop.cors")
public record CorsProperties(@DefaultValue( {
		"http://localhost:[*]", "http://127.0.0.1:[*]" }) List<String> allowedOrigins,
		@DefaultValue("30m") Duration maxAge){
}
