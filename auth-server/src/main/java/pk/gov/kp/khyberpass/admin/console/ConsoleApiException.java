package pk.gov.kp.khyberpass.admin.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin API said no: 401 (the administrator must sign in again), 403 (not for this
 * role), 404, or 400 with the API's explanation, which the console shows as it is (it
 * names the field, never a secret).
 */
final class ConsoleApiException extends RuntimeException {

	private static final Pattern DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final int status;

	ConsoleApiException(int status, String detail) {
		super(detail);
		this.status = status;
	}

	static ConsoleApiException of(int status, String body) {
		Matcher detail = DETAIL.matcher(body);
		return new ConsoleApiException(status, detail.find() ? detail.group(1).replace("\\\"", "\"") : "");
	}

	int status() {
		return this.status;
	}

}
