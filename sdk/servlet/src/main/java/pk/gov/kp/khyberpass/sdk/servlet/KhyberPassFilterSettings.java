package pk.gov.kp.khyberpass.sdk.servlet;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;
import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;

/**
 * What {@link KhyberPassFilter} protects and where its endpoints live. Paths are relative
 * to the web application's context path and matched on the container's normalised path
 * (servlet path plus path info), so {@code /api/../admin} cannot slip past a rule. A
 * prefix ending in {@code /} matches itself without the slash and everything below it;
 * any other prefix matches itself and everything below {@code prefix/}. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * KhyberPassFilterSettings settings = KhyberPassFilterSettings.builder()
 *     .protectedPaths("/")
 *     .apiPaths("/api/")
 *     .minimumAcr("/payments/", AssuranceLevel.LOA2)
 *     .postLogoutRedirectUri(URI.create("https://vehicles.kp.gov.pk/"))
 *     .build();
 * }</pre>
 */
public final class KhyberPassFilterSettings {

	/** The default callback path, {@value}. */
	public static final String DEFAULT_CALLBACK_PATH = "/login/khyberpass/callback";

	/** The default logout path, {@value}. */
	public static final String DEFAULT_LOGOUT_PATH = "/logout";

	/** The default back-channel logout path, {@value}. */
	public static final String DEFAULT_BACK_CHANNEL_LOGOUT_PATH = "/logout/backchannel";

	private final String callbackPath;

	private final @Nullable URI redirectUri;

	private final String logoutPath;

	private final String backChannelLogoutPath;

	private final List<String> protectedPaths;

	private final List<String> apiPaths;

	private final @Nullable URI postLogoutRedirectUri;

	private final Set<String> scopes;

	private final Map<String, AssuranceLevel> minimumAcr;

	private KhyberPassFilterSettings(Builder builder) {
		this.callbackPath = builder.callbackPath;
		this.redirectUri = builder.redirectUri;
		this.logoutPath = builder.logoutPath;
		this.backChannelLogoutPath = builder.backChannelLogoutPath;
		this.protectedPaths = List.copyOf(builder.protectedPaths);
		this.apiPaths = List.copyOf(builder.apiPaths);
		this.postLogoutRedirectUri = builder.postLogoutRedirectUri;
		this.scopes = Collections.unmodifiableSet(new LinkedHashSet<>(builder.scopes));
		this.minimumAcr = Collections.unmodifiableMap(new LinkedHashMap<>(builder.minimumAcr));
		if (new LinkedHashSet<>(List.of(this.callbackPath, this.logoutPath, this.backChannelLogoutPath)).size() != 3) {
			throw new KhyberPassClientException("The callback, logout and back-channel logout paths must differ");
		}
	}

	/**
	 * Starts a builder with the defaults: callback {@value #DEFAULT_CALLBACK_PATH},
	 * logout {@value #DEFAULT_LOGOUT_PATH}, back-channel logout
	 * {@value #DEFAULT_BACK_CHANNEL_LOGOUT_PATH}, every path protected ({@code /}), API
	 * paths {@code /api/}, no extra scopes, no minimum assurance level.
	 * @return a new builder, never {@code null}
	 */
	public static Builder builder() {
		return new Builder();
	}

	/** The names {@link #fromParameters} reads. */
	static final Set<String> PARAMETERS = Set.of("callback-path", "redirect-uri", "logout-path",
			"backchannel-logout-path", "protected-paths", "api-paths", "post-logout-redirect-uri", "scopes",
			"minimum-acr");

	/**
	 * Reads the settings from named values, such as a filter's {@code init-param}s
	 * ({@code config::getInitParameter}). Absent or blank values keep the builder's
	 * defaults. Names: {@code callback-path}, {@code redirect-uri}, {@code logout-path},
	 * {@code backchannel-logout-path}, {@code protected-paths} and {@code api-paths}
	 * (comma separated), {@code post-logout-redirect-uri}, {@code scopes} (comma or space
	 * separated) and {@code minimum-acr} (comma separated {@code prefix=acr} pairs, such
	 * as {@code /payments/=urn:kp:loa:2}).
	 * @param parameters looks a value up by name, returning {@code null} when absent; not
	 * {@code null}
	 * @return the settings, never {@code null}
	 * @throws KhyberPassClientException if a value is invalid
	 */
	public static KhyberPassFilterSettings fromParameters(Function<String, @Nullable String> parameters) {
		Objects.requireNonNull(parameters, "parameters");
		Builder builder = builder();
		parameter(parameters, "callback-path").ifPresent(builder::callbackPath);
		parameter(parameters, "redirect-uri").map(URI::create).ifPresent(builder::redirectUri);
		parameter(parameters, "logout-path").ifPresent(builder::logoutPath);
		parameter(parameters, "backchannel-logout-path").ifPresent(builder::backChannelLogoutPath);
		parameter(parameters, "protected-paths").map((value) -> split(value, ",")).ifPresent(builder::protectedPaths);
		parameter(parameters, "api-paths").map((value) -> split(value, ",")).ifPresent(builder::apiPaths);
		parameter(parameters, "post-logout-redirect-uri").map(URI::create).ifPresent(builder::postLogoutRedirectUri);
		parameter(parameters, "scopes").map((value) -> split(value, "[,\\s]")).ifPresent(builder::scopes);
		parameter(parameters, "minimum-acr").ifPresent((value) -> {
			for (String pair : split(value, ",")) {
				int eq = pair.indexOf('=');
				String acr = (eq > 0) ? pair.substring(eq + 1).trim() : "";
				AssuranceLevel level = AssuranceLevel.fromValue(acr)
					.orElseThrow(() -> new KhyberPassClientException(
							"minimum-acr takes prefix=acr pairs with a Khyber Pass level, not '" + pair + "'"));
				builder.minimumAcr(pair.substring(0, eq).trim(), level);
			}
		});
		return builder.build();
	}

	/**
	 * Returns the path Khyber Pass redirects back to after sign-in.
	 * @return the path, never {@code null}
	 */
	public String callbackPath() {
		return this.callbackPath;
	}

	/**
	 * Returns the absolute callback URI registered with Khyber Pass, when it is fixed
	 * rather than derived from each request's scheme, host and context path.
	 * @return the URI, never {@code null}
	 */
	public Optional<URI> redirectUri() {
		return Optional.ofNullable(this.redirectUri);
	}

	/**
	 * Returns the path that ends the session and starts RP-initiated logout.
	 * @return the path, never {@code null}
	 */
	public String logoutPath() {
		return this.logoutPath;
	}

	/**
	 * Returns the path Khyber Pass POSTs back-channel logout tokens to.
	 * @return the path, never {@code null}
	 */
	public String backChannelLogoutPath() {
		return this.backChannelLogoutPath;
	}

	/**
	 * Returns the prefixes of the paths that need a signed-in citizen.
	 * @return the prefixes, never {@code null}
	 */
	public List<String> protectedPaths() {
		return this.protectedPaths;
	}

	/**
	 * Returns the prefixes of the API paths, which need a bearer access token instead of
	 * a session. They take precedence over {@link #protectedPaths()}.
	 * @return the prefixes, never {@code null}
	 */
	public List<String> apiPaths() {
		return this.apiPaths;
	}

	/**
	 * Returns where Khyber Pass sends the browser after logout.
	 * @return the URI, never {@code null}; empty to stay on Khyber Pass
	 */
	public Optional<URI> postLogoutRedirectUri() {
		return Optional.ofNullable(this.postLogoutRedirectUri);
	}

	/**
	 * Returns the scopes requested in addition to {@code openid}.
	 * @return the scopes, never {@code null}
	 */
	public Set<String> scopes() {
		return this.scopes;
	}

	/**
	 * Returns the minimum assurance levels by path prefix.
	 * @return the levels, never {@code null}
	 */
	public Map<String, AssuranceLevel> minimumAcr() {
		return this.minimumAcr;
	}

	/**
	 * Returns the minimum assurance level for a path: the one of the longest matching
	 * prefix.
	 * @param path the path within the application, not {@code null}
	 * @return the level, never {@code null}; empty when no prefix matches
	 */
	public Optional<AssuranceLevel> minimumAcrFor(String path) {
		String best = null;
		for (String prefix : this.minimumAcr.keySet()) {
			if (matches(prefix, path) && (best == null || prefix.length() > best.length())) {
				best = prefix;
			}
		}
		return Optional.ofNullable((best != null) ? this.minimumAcr.get(best) : null);
	}

	boolean isApi(String path) {
		return this.apiPaths.stream().anyMatch((prefix) -> matches(prefix, path));
	}

	boolean isProtected(String path) {
		return this.protectedPaths.stream().anyMatch((prefix) -> matches(prefix, path));
	}

	static boolean matches(String prefix, String path) {
		if (prefix.endsWith("/")) {
			return path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1));
		}
		return path.equals(prefix) || path.startsWith(prefix + "/");
	}

	/**
	 * Returns a description of the settings.
	 * @return the description, never {@code null}
	 */
	@Override
	public String toString() {
		return "KhyberPassFilterSettings[callbackPath=" + this.callbackPath + ", logoutPath=" + this.logoutPath
				+ ", backChannelLogoutPath=" + this.backChannelLogoutPath + ", protectedPaths=" + this.protectedPaths
				+ ", apiPaths=" + this.apiPaths + ", scopes=" + this.scopes + ", minimumAcr=" + this.minimumAcr + "]";
	}

	private static Optional<String> parameter(Function<String, @Nullable String> parameters, String name) {
		return Optional.ofNullable(parameters.apply(name)).map(String::trim).filter((value) -> !value.isEmpty());
	}

	private static List<String> split(String value, String separator) {
		List<String> items = new ArrayList<>();
		for (String item : value.split(separator)) {
			if (!item.isBlank()) {
				items.add(item.trim());
			}
		}
		return items;
	}

	private static String requirePath(@Nullable String path, String name) {
		if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")
				|| path.chars().anyMatch(Character::isWhitespace)) {
			throw new KhyberPassClientException(
					name + " must be a path starting with a single '/', was '" + path + "'");
		}
		return path;
	}

	/**
	 * Builds {@link KhyberPassFilterSettings}. Not thread-safe. Setters throw
	 * {@link KhyberPassClientException} for an invalid value and
	 * {@link NullPointerException} for {@code null}.
	 */
	public static final class Builder {

		private String callbackPath = DEFAULT_CALLBACK_PATH;

		private @Nullable URI redirectUri;

		private String logoutPath = DEFAULT_LOGOUT_PATH;

		private String backChannelLogoutPath = DEFAULT_BACK_CHANNEL_LOGOUT_PATH;

		private List<String> protectedPaths = List.of("/");

		private List<String> apiPaths = List.of("/api/");

		private @Nullable URI postLogoutRedirectUri;

		private Set<String> scopes = Set.of();

		private final Map<String, AssuranceLevel> minimumAcr = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Sets the callback path. Default {@value #DEFAULT_CALLBACK_PATH}.
		 * @param path a path starting with {@code /}
		 * @return this builder
		 */
		public Builder callbackPath(String path) {
			this.callbackPath = requirePath(path, "callbackPath");
			return this;
		}

		/**
		 * Fixes the absolute callback URI sent as {@code redirect_uri}, for applications
		 * behind a proxy that hides the public scheme or host. Its path should be the
		 * context path followed by {@link #callbackPath(String)}. Default: derived from
		 * each request.
		 * @param redirectUri an absolute https URI (http only for localhost)
		 * @return this builder
		 */
		public Builder redirectUri(URI redirectUri) {
			Objects.requireNonNull(redirectUri, "redirectUri");
			if (!redirectUri.isAbsolute() || redirectUri.getRawFragment() != null) {
				throw new KhyberPassClientException("redirectUri must be absolute without a fragment: " + redirectUri);
			}
			this.redirectUri = redirectUri;
			return this;
		}

		/**
		 * Sets the logout path. Default {@value #DEFAULT_LOGOUT_PATH}.
		 * @param path a path starting with {@code /}
		 * @return this builder
		 */
		public Builder logoutPath(String path) {
			this.logoutPath = requirePath(path, "logoutPath");
			return this;
		}

		/**
		 * Sets the back-channel logout path, registered with Khyber Pass as the client's
		 * {@code backchannel_logout_uri}. Default
		 * {@value #DEFAULT_BACK_CHANNEL_LOGOUT_PATH}.
		 * @param path a path starting with {@code /}
		 * @return this builder
		 */
		public Builder backChannelLogoutPath(String path) {
			this.backChannelLogoutPath = requirePath(path, "backChannelLogoutPath");
			return this;
		}

		/**
		 * Sets the prefixes of the paths that need a signed-in citizen, replacing the
		 * default {@code /} (everything the filter sees).
		 * @param prefixes paths starting with {@code /}; none to protect nothing
		 * @return this builder
		 */
		public Builder protectedPaths(String... prefixes) {
			return protectedPaths(List.of(prefixes));
		}

		/**
		 * Sets the prefixes of the paths that need a signed-in citizen.
		 * @param prefixes paths starting with {@code /}
		 * @return this builder
		 */
		public Builder protectedPaths(List<String> prefixes) {
			this.protectedPaths = prefixes.stream().map((prefix) -> requirePath(prefix, "protectedPaths")).toList();
			return this;
		}

		/**
		 * Sets the prefixes of the API paths, replacing the default {@code /api/}.
		 * @param prefixes paths starting with {@code /}; none for no API
		 * @return this builder
		 */
		public Builder apiPaths(String... prefixes) {
			return apiPaths(List.of(prefixes));
		}

		/**
		 * Sets the prefixes of the API paths.
		 * @param prefixes paths starting with {@code /}
		 * @return this builder
		 */
		public Builder apiPaths(List<String> prefixes) {
			this.apiPaths = prefixes.stream().map((prefix) -> requirePath(prefix, "apiPaths")).toList();
			return this;
		}

		/**
		 * Sets where Khyber Pass sends the browser after logout; it must be registered
		 * for the client. Default: none (the browser stays on Khyber Pass).
		 * @param uri an absolute URI
		 * @return this builder
		 */
		public Builder postLogoutRedirectUri(URI uri) {
			if (!Objects.requireNonNull(uri, "uri").isAbsolute()) {
				throw new KhyberPassClientException("postLogoutRedirectUri must be absolute: " + uri);
			}
			this.postLogoutRedirectUri = uri;
			return this;
		}

		/**
		 * Sets the scopes requested in addition to {@code openid}, such as
		 * {@code profile}.
		 * @param scopes the scopes, one per argument
		 * @return this builder
		 */
		public Builder scopes(String... scopes) {
			return scopes(List.of(scopes));
		}

		/**
		 * Sets the scopes requested in addition to {@code openid}.
		 * @param scopes the scopes, one per element
		 * @return this builder
		 */
		public Builder scopes(List<String> scopes) {
			for (String scope : scopes) {
				if (scope.isBlank() || scope.chars().anyMatch(Character::isWhitespace)) {
					throw new KhyberPassClientException("Scope '" + scope + "' is blank or has a space");
				}
			}
			this.scopes = new LinkedHashSet<>(scopes);
			return this;
		}

		/**
		 * Requires at least this assurance level below a path prefix: a browser session
		 * below it steps up through Khyber Pass with {@code acr_values}; an API token
		 * below it is refused with {@code insufficient_user_authentication}. The longest
		 * matching prefix wins.
		 * @param prefix a path starting with {@code /}
		 * @param level the level
		 * @return this builder
		 */
		public Builder minimumAcr(String prefix, AssuranceLevel level) {
			this.minimumAcr.put(requirePath(prefix, "minimumAcr prefix"), Objects.requireNonNull(level, "level"));
			return this;
		}

		/**
		 * Builds the settings.
		 * @return the settings, never {@code null}
		 * @throws KhyberPassClientException if the callback, logout and back-channel
		 * logout paths are not all different
		 */
		public KhyberPassFilterSettings build() {
			return new KhyberPassFilterSettings(this);
		}

	}

}
