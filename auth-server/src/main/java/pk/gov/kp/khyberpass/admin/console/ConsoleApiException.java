package pk.gov.kp.khyberpass.admin.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The admin API said no: 401 (the administrator must sign in again), 403 (not for this
 * role), 404, or 400 with the API's explanation, which the console shows as it is (it
 * names the field, never a secret), and the field it names, so a form can point at it.
 */
final class ConsoleApiException extends RuntimeException {

	private static final Pattern DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

	private static final Pattern FIELD = Pattern.compile("\"field\"\\s*:\\s*\"([A-Za-z0-9_.\\-]*)\"");

	private final int status;

	private final @Nullable String field;

	ConsoleApiException(int status, String detail) {
		this(status, detail, null);
	}

	private ConsoleApiException(int status, String detail, @Nullable String field) {
		super(detail);
		this.status = status;
		this.field = field;
	}

	static ConsoleApiException of(int status, String body) {
		Matcher detail = DETAIL.matcher(body);
		Matcher field = FIELD.matcher(body);
		return new ConsoleApiException(status, detail.find() ? detail.group(1).replace("\\\"", "\"") : "",
				field.find() ? field.group(1) : null);
	}

	int status() {
		return this.status;
	}

	/** The request field the API's problem names ({@code descriptionEn}), if any. */
	@Nullable String field() {
		return this.field;
	}

}
