package pk.gov.kp.khyberpass.sdk.audit;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Typed reads of the fields of one parsed export line; a wrong shape is an
 * {@link IllegalArgumentException}.
 */
final class ExportLines {

	private ExportLines() {
	}

	static long number(Map<String, Object> fields, String name) {
		if (fields.get(name) instanceof Number number && number.doubleValue() == number.longValue()) {
			return number.longValue();
		}
		throw new IllegalArgumentException(name + " is not a whole number");
	}

	static String text(Map<String, Object> fields, String name) {
		String value = optionalText(fields, name);
		if (value == null) {
			throw new IllegalArgumentException(name + " is missing");
		}
		return value;
	}

	static @Nullable String optionalText(Map<String, Object> fields, String name) {
		Object value = fields.get(name);
		if (value == null || value instanceof String) {
			return (String) value;
		}
		throw new IllegalArgumentException(name + " is not text");
	}

}
