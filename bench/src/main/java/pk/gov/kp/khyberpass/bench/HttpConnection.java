package pk.gov.kp.khyberpass.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket, for the load generator: writes
 * a prepared request, reads the status, the headers it needs and the body (fixed length
 * or chunked), and reconnects when the server closes. Not thread-safe: one per worker.
 */
final class HttpConnection implements AutoCloseable {

	private final InetSocketAddress address;

	private @Nullable Socket socket;

	private @Nullable InputStream in;

	private @Nullable OutputStream out;

	HttpConnection(InetSocketAddress address) {
		this.address = address;
	}

	/**
	 * Sends a request and reads its response.
	 * @param request the whole request, head and body, as bytes
	 * @return the response
	 * @throws IOException when the exchange fails even on a fresh connection
	 */
	Response exchange(byte[] request) throws IOException {
		boolean fresh = this.socket == null;
		try {
			return send(request);
		}
		catch (IOException ex) {
			close();
			if (fresh) {
				throw ex;
			}
			// the server may have closed an idle keep-alive connection: one retry on a
			// new one
			return send(request);
		}
	}

	private Response send(byte[] request) throws IOException {
		if (this.socket == null) {
			connect();
		}
		this.out.write(request);
		this.out.flush();
		Response response = read();
		if (response.close()) {
			close();
		}
		return response;
	}

	private void connect() throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.setSoTimeout(30_000);
		socket.connect(this.address, 5_000);
		this.socket = socket;
		this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
		this.out = socket.getOutputStream();
	}

	private Response read() throws IOException {
		String statusLine = line();
		if (!statusLine.startsWith("HTTP/1.")) {
			throw new IOException("Not an HTTP response: " + statusLine);
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean close = statusLine.startsWith("HTTP/1.0");
		for (String header = line(); !header.isEmpty(); header = line()) {
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).trim();
			String value = header.substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				length = Long.parseLong(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding")) {
				chunked = value.toLowerCase().contains("chunked");
			}
			else if (name.equalsIgnoreCase("Connection")) {
				close = value.equalsIgnoreCase("close");
			}
		}
		byte[] body;
		if (chunked) {
			body = chunkedBody();
		}
		else if (length >= 0) {
			body = this.in.readNBytes((int) length);
			if (body.length != length) {
				throw new IOException("Connection closed inside a response body");
			}
		}
		else {
			body = this.in.readAllBytes();
			close = true;
		}
		return new Response(status, new String(body, StandardCharsets.UTF_8), close);
	}

	private byte[] chunkedBody() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = line();
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt((semicolon < 0) ? sizeLine.trim() : sizeLine.substring(0, semicolon).trim(),
					16);
			if (size == 0) {
				while (!line().isEmpty()) {
					// trailers
				}
				return body.toByteArray();
			}
			byte[] chunk = this.in.readNBytes(size);
			if (chunk.length != size) {
				throw new IOException("Connection closed inside a chunk");
			}
			body.write(chunk);
			line();
		}
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder(64);
		while (true) {
			int b = this.in.read();
			if (b < 0) {
				throw new IOException("Connection closed by the server");
			}
			if (b == '\n') {
				int end = line.length();
				if (end > 0 && line.charAt(end - 1) == '\r') {
					line.setLength(end - 1);
				}
				return line.toString();
			}
			line.append((char) b);
		}
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
		this.socket = null;
		this.in = null;
		this.out = null;
	}

	/**
	 * A response as the load generator needs it.
	 *
	 * @param status the HTTP status code
	 * @param body the body as UTF-8 text
	 * @param close whether the server closes the connection after it
	 */
	record Response(int status, String body, boolean close) {
	}

}
