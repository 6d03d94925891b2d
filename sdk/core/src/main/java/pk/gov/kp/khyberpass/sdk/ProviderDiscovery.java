package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Fetches the provider metadata once, on first use, and keeps it. Concurrent first
 * callers share one request; a failure is not remembered, so the next call tries again.
 * Thread-safe.
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig">OIDC
 * Discovery §4</a>
 */
final class ProviderDiscovery {

	private final String issuer;

	private final HttpTransport http;

	private volatile @Nullable ProviderMetadata metadata;

	ProviderDiscovery(String issuer, HttpTransport http) {
		this.issuer = issuer;
		this.http = http;
	}

	ProviderMetadata metadata() {
		ProviderMetadata result = this.metadata;
		if (result != null) {
			return result;
		}
		synchronized (this) {
			result = this.metadata;
			if (result == null) {
				result = fetch();
				this.metadata = result;
			}
			return result;
		}
	}

	private ProviderMetadata fetch() {
		String base = this.issuer.endsWith("/") ? this.issuer.substring(0, this.issuer.length() - 1) : this.issuer;
		URI uri = URI.create(base + "/.well-known/openid-configuration");
		HttpTransport.JsonResponse response = this.http.get(uri, "OpenID Connect discovery", Map.of());
		if (!response.isSuccess()) {
			throw new KhyberPassClientException("OpenID Connect discovery at " + uri + " answered HTTP "
					+ response.status() + "; check the issuer URI and that Khyber Pass is reachable");
		}
		return ProviderMetadata.parse(response.body(), this.issuer, uri);
	}

}
