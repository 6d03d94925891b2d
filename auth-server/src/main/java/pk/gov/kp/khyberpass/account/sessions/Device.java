package pk.gov.kp.khyberpass.account.sessions;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A rough name for the browser and system behind a {@code User-Agent} header, enough for
 * a citizen to recognise a session ("Chrome on Android"). Only this summary is kept,
 * never the header itself.
 *
 * @param browser the browser's name, or empty when not recognised
 * @param system the operating system's name, or empty when not recognised
 */
public record Device(String browser, String system) {

	/** Summarises a {@code User-Agent} header. */
	public static Device of(@Nullable String userAgent) {
		if (userAgent == null) {
			return new Device("", "");
		}
		String ua = userAgent.toLowerCase(Locale.ROOT);
		return new Device(browser(ua), system(ua));
	}

	private static String browser(String ua) {
		if (ua.contains("edg/") || ua.contains("edga/") || ua.contains("edgios/")) {
			return "Edge";
		}
		if (ua.contains("opr/") || ua.contains("opera")) {
			return "Opera";
		}
		if (ua.contains("samsungbrowser/")) {
			return "Samsung Internet";
		}
		if (ua.contains("firefox/") || ua.contains("fxios/")) {
			return "Firefox";
		}
		if (ua.contains("chrome/") || ua.contains("crios/") || ua.contains("chromium/")) {
			return "Chrome";
		}
		if (ua.contains("safari/")) {
			return "Safari";
		}
		return "";
	}

	private static String system(String ua) {
		if (ua.contains("android")) {
			return "Android";
		}
		if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod")) {
			return "iOS";
		}
		if (ua.contains("windows")) {
			return "Windows";
		}
		if (ua.contains("cros")) {
			return "ChromeOS";
		}
		if (ua.contains("mac os x") || ua.contains("macintosh")) {
			return "macOS";
		}
		if (ua.contains("linux")) {
			return "Linux";
		}
		return "";
	}

}
