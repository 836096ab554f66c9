package lab.backprop.system.problem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a query string that Tomcat cannot decode (a {@code %} not followed by two hex
 * digits, bytes that are not UTF-8, a parameter without a name such as {@code ?=5}) with
 * a 400 naming the parameter, before anything asks for a parameter: Tomcat 11 answers
 * such a request by throwing from {@code getParameter}, which would otherwise surface as
 * a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 7)
public class QueryStringFilter extends OncePerRequestFilter {

	private static final String HOW = "cannot be decoded: a % must be followed by two hex digits (%25 for a % "
			+ "itself), and the bytes must be UTF-8";

	private final JsonMapper mapper;

	public QueryStringFilter(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ProblemDetail problem = check(request.getQueryString());
		if (problem != null) {
			Problems.write(request, response, problem, mapper);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * The 400 of the first parameter that cannot be decoded; {@code null} when all can.
	 */
	static ProblemDetail check(String query) {
		if (query == null) {
			return null;
		}
		for (String chunk : query.split("&")) {
			if (chunk.isEmpty()) {
				continue;
			}
			int equals = chunk.indexOf('=');
			String rawName = equals < 0 ? chunk : chunk.substring(0, equals);
			if (rawName.isEmpty()) {
				return invalid("", "'" + chunk + "' is a parameter without a name: write name=value");
			}
			String name = decode(rawName);
			if (name == null) {
				return invalid(rawName, "the name '" + rawName + "' " + HOW);
			}
			if (equals >= 0 && decode(chunk.substring(equals + 1)) == null) {
				return invalid(name, "the value '" + chunk.substring(equals + 1) + "' " + HOW);
			}
		}
		return null;
	}

	/**
	 * As Tomcat decodes a query: {@code +} is a space, {@code %XX} a byte, the bytes
	 * UTF-8; {@code null} when that fails.
	 */
	static String decode(String raw) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				int high = i + 2 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
				int low = i + 2 < raw.length() ? hex(raw.charAt(i + 2)) : -1;
				if (high < 0 || low < 0) {
					return null;
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else {
				bytes.writeBytes(String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8));
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException e) {
			return null;
		}
	}

	private static int hex(char c) {
		return c >= '0' && c <= '9' ? c - '0'
				: c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
	}

	private static ProblemDetail invalid(String parameter, String detail) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
				"The request is not valid", "the query string cannot be read: " + detail);
		problem.setProperty("parameter", parameter);
		return problem;
	}

}
