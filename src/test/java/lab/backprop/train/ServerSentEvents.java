package lab.backprop.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import lab.backprop.Api;

/** A text/event-stream answer read as its events, and a client that leaves halfway. */
final class ServerSentEvents {

	private ServerSentEvents() {
	}

	/** One event: its name and its data, parsed as JSON. */
	record Event(String name, JsonNode data) {
	}

	/** POSTs {@code body} to /train asking for the event stream, and reads all of it. */
	static Api.Answer post(Api api, String body) {
		return api.exchange(HttpMethod.POST, "/train", headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.set(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE);
		}, body);
	}

	/** The events of a stream's text, in order. */
	static List<Event> parse(String text) {
		List<Event> events = new ArrayList<>();
		for (String block : text.split("\n\n")) {
			String name = "message";
			StringBuilder data = new StringBuilder();
			for (String line : block.split("\n")) {
				if (line.startsWith("event:")) {
					name = line.substring("event:".length()).trim();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring("data:".length()));
				}
			}
			if (!data.isEmpty()) {
				events.add(new Event(name, Api.JSON.readTree(data.toString())));
			}
		}
		return events;
	}

	/**
	 * A client on a raw socket that sends {@code body}, reads until it has seen
	 * {@code progressEvents} progress events, and goes away.
	 * @return the text read before leaving
	 */
	static String readSomeAndLeave(int port, String body, int progressEvents) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String head = "POST /train HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Accept: text/event-stream\r\nContent-Length: " + bytes.length + "\r\n\r\n";
		StringBuilder read = new StringBuilder();
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(bytes);
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[8192];
			while (count(read, "event:progress") < progressEvents) {
				int n = in.read(buffer);
				if (n < 0) {
					break;
				}
				read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
			}
		}
		return read.toString();
	}

	static int count(CharSequence text, String what) {
		int count = 0;
		for (int at = text.toString().indexOf(what); at >= 0; at = text.toString().indexOf(what, at + 1)) {
			count++;
		}
		return count;
	}

}
