package pk.gov.kp.khyberpass.session;

import java.net.URI;

/**
 * A logout token on its way to one department, and which attempt at delivering it this is
 * (1 for the first). {@link #toString()} leaves the token out, so it never reaches a log
 * line.
 */
record PendingLogout(String id, String clientId, URI endpoint, String logoutToken, int attempt) {

	@Override
	public String toString() {
		return "PendingLogout[id=" + this.id + ", clientId=" + this.clientId + ", attempt=" + this.attempt + "]";
	}

}
