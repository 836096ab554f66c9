package lab.backprop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/**
 * HTTP written byte by byte on a socket, for what a client library would not send: a
 * chunked body, an address Tomcat cannot read, a client that stops halfway. Everything
 * else goes through {@link Api}.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * POSTs {@code body} to {@code path} with {@code Transfer-Encoding: chunked}, in one
	 * chunk.
	 */
	public static Api.Answer postChunked(int port, String path, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
		request.writeBytes((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		request.writeBytes(bytes);
		request.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		return exchange(port, request.toByteArray());
	}

	/**
	 * GETs {@code target} (path and query) exactly as written, with no encoding or
	 * normalising of its own, accepting JSON.
	 */
	public static Api.Answer get(int port, String target) {
		String request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ "Accept: application/json\r\n\r\n";
		return exchange(port, request.getBytes(StandardCharsets.US_ASCII));
	}

	/** Sends {@code request} as it is and reads the answer until the server closes. */
	public static Api.Answer exchange(int port, byte[] request) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Api.Answer parse(byte[] response) throws IOException {
		String all = new String(response, StandardCharsets.ISO_8859_1);
		int end = all.indexOf("\r\n\r\n");
		String[] lines = all.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		HttpHeaders headers = new HttpHeaders();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.add(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
		}
		byte[] body = java.util.Arrays.copyOfRange(response, end + 4, response.length);
		if ("chunked".equalsIgnoreCase(headers.getFirst(HttpHeaders.TRANSFER_ENCODING))) {
			body = dechunk(new java.io.ByteArrayInputStream(body));
		}
		String text = new String(body, StandardCharsets.UTF_8);
		MediaType type = headers.getContentType();
		JsonNode json = type != null && type.toString().contains("json") && !text.isEmpty() ? Api.JSON.readTree(text)
				: null;
		return new Api.Answer(status, type == null ? null : type.toString(), text, json, headers);
	}

	private static byte[] dechunk(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		while (true) {
			StringBuilder size = new StringBuilder();
			for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
				if (c != '\r') {
					size.append((char) c);
				}
			}
			int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
			if (length == 0) {
				return out.toByteArray();
			}
			out.write(in.readNBytes(length));
			in.readNBytes(2);
		}
	}

}
