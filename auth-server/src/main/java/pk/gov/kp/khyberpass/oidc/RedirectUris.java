package pk.gov.kp.khyberpass.oidc;

import java.net.URI;
import java.util.Set;

/**
 * Rules for registered redirect URIs: absolute, no fragment, https except on loopback
 * (RFC 8252 §7.3).
 */
final class RedirectUris {

	private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "::1", "localhost");

	private RedirectUris() {
	}

	static void requireRegistrable(URI uri) {
		if (!uri.isAbsolute() || uri.getHost() == null) {
			throw new IllegalArgumentException("redirect URI '" + uri + "' must be absolute with a host");
		}
		if (uri.getFragment() != null) {
			throw new IllegalArgumentException("redirect URI '" + uri + "' must not have a fragment");
		}
		if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && isLoopback(uri))) {
			throw new IllegalArgumentException("redirect URI '" + uri + "' must use https (http only on loopback)");
		}
	}

	static boolean isLoopback(URI uri) {
		return uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost());
	}

}
