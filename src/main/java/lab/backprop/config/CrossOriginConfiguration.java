package lab.backprop.config;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import tools.jackson.databind.json.JsonMapper;

import lab.backprop.system.problem.Problems;

/**
 * CORS for every path, as a servlet filter ahead of everything else: preflights are
 * answered before any handler runs, and every answer to an allowed origin, problem
 * responses from the error page included, carries the headers a browser needs to let the
 * page read it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsProperties.class)
class CrossOriginConfiguration {

	static final URI REFUSED_TYPE = URI.create("urn:backprop-lab:problem:cors-refused");

	@Bean
	FilterRegistrationBean<CorsFilter> corsFilter(CorsProperties properties, JsonMapper jsonMapper) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOriginPatterns(properties.allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "HEAD", "POST"));
		cors.setAllowedHeaders(List.of(CorsConfiguration.ALL));
		cors.setAllowCredentials(false);
		cors.setMaxAge(properties.maxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);

		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new ProblemCorsProcessor(jsonMapper));
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Spring's CORS checks, with a refusal written as problem+json instead of a
	 * plain-text line.
	 */
	static final class ProblemCorsProcessor extends DefaultCorsProcessor {

		private final JsonMapper jsonMapper;

		ProblemCorsProcessor(JsonMapper jsonMapper) {
			// the mix-in Spring MVC's own converter uses, so that the problem is written
			// the same way
			this.jsonMapper = jsonMapper.rebuild()
				.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
				.build();
		}

		@Override
		protected void rejectRequest(ServerHttpResponse response) throws IOException {
			ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, REFUSED_TYPE, "Cross-origin request refused",
					"This origin, or the method or headers it asks for, may not call the service from a browser. "
							+ "The allowed origins are set with backprop.cors.allowed-origins (environment variable "
							+ "BACKPROP_CORS_ALLOWED_ORIGINS).");
			response.setStatusCode(HttpStatus.FORBIDDEN);
			response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			response.getBody().write(jsonMapper.writeValueAsBytes(problem));
			response.flush();
		}

	}

}
