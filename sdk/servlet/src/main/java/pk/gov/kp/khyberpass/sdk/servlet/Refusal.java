package pk.gov.kp.khyberpass.sdk.servlet;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A refused browser request: its status and the key of the sentence the citizen reads, in
 * every {@link PageLanguage}'s bundle.
 */
enum Refusal {

	/** Khyber Pass cannot be reached to start or complete a sign-in. */
	SIGN_IN_UNAVAILABLE(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "sign-in.unavailable"),

	/** A callback whose state matches no sign-in started in this session. */
	SIGN_IN_NOT_STARTED(HttpServletResponse.SC_UNAUTHORIZED, "sign-in.not-started"),

	/** The citizen cancelled at Khyber Pass ({@code access_denied}). */
	SIGN_IN_CANCELLED(HttpServletResponse.SC_FORBIDDEN, "sign-in.cancelled"),

	/** Khyber Pass answered the sign-in with another error. */
	SIGN_IN_FAILED(HttpServletResponse.SC_UNAUTHORIZED, "sign-in.failed"),

	/** The ID token was refused. */
	SIGN_IN_NOT_VERIFIED(HttpServletResponse.SC_UNAUTHORIZED, "sign-in.not-verified"),

	/** Logout by another method than POST. */
	LOGOUT_NOT_POSTED(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "logout.not-posted"),

	/** Logout posted by another site. */
	LOGOUT_FROM_ANOTHER_SITE(HttpServletResponse.SC_FORBIDDEN, "logout.another-site");

	private final int status;

	private final String key;

	Refusal(int status, String key) {
		this.status = status;
		this.key = key;
	}

	int status() {
		return this.status;
	}

	String key() {
		return this.key;
	}

}
