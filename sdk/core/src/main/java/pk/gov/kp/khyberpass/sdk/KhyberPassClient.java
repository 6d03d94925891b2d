package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.jspecify.annotations.Nullable;

/**
 * The entry point of the SDK: signs citizens in with Khyber Pass (authorization code flow
 * with PKCE), validates its ID, access and logout tokens, introspects access tokens, and
 * obtains service tokens.
 *
 * <pre>{@code
 * KhyberPassClient khyberPass = KhyberPassClient
 *     .builder(URI.create("https://login.kp.gov.pk"), "motor-vehicles",
 *             ClientAuthentication.clientSecretBasic(System.getenv("KHYBERPASS_CLIENT_SECRET")))
 *     .build();
 * VerifiedAccessToken token = khyberPass.verifyAccessToken(bearerToken);
 * }</pre>
 *
 * Build one instance per application and share it: it is immutable and thread-safe, and
 * it caches the provider metadata, the signing keys (refreshed by one background daemon
 * thread) and service tokens, and it refreshes each sign-in's access token once per
 * refresh token ({@link #refreshIfExpiring(SessionTokens)}). Nothing is fetched until
 * first needed. {@link #close()} stops the background refresh. No method accepts
 * {@code null} unless its documentation says so.
 */
public final class KhyberPassClient implements AutoCloseable {

	private final String issuer;

	private final String clientId;

	private final SecureRandom random;

	private final ProviderDiscovery discovery;

	private final JwksCache keys;

	private final ScheduledExecutorService scheduler;

	private final IdTokenValidator idTokens;

	private final AccessTokenValidator accessTokens;

	private final LogoutTokenValidator logoutTokens;

	private final CodeFlow codeFlow;

	private final TokenEndpoint tokenEndpoint;

	private final ServiceTokenCache serviceTokens;

	private final UserInfoEndpoint userInfo;

	private final IntrospectionEndpoint introspection;

	private final SessionTokenRefresher sessionTokens;

	private final Clock clock;

	private KhyberPassClient(Builder builder) {
		this.issuer = builder.issuer.toString();
		this.clientId = builder.clientId;
		this.random = builder.random;
		HttpClient httpClient = (builder.httpClient != null) ? builder.httpClient
				: HttpClient.newBuilder()
					.connectTimeout(builder.connectTimeout)
					.followRedirects(HttpClient.Redirect.NEVER)
					.build();
		HttpTransport http = new HttpTransport(httpClient, builder.requestTimeout);
		this.discovery = new ProviderDiscovery(this.issuer, http);
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "khyberpass-jwks-refresh");
			thread.setDaemon(true);
			return thread;
		});
		this.keys = new JwksCache(() -> this.discovery.metadata().jwksUri(), http, builder.clock,
				new JwksCache.Settings(builder.jwksMinTtl, builder.jwksMaxTtl, builder.jwksDefaultTtl,
						builder.jwksRefetchInterval),
				this.scheduler);
		SignedJwtVerifier verifier = new SignedJwtVerifier(this.issuer, this.keys, builder.clock, builder.clockSkew);
		this.idTokens = new IdTokenValidator(verifier, this.clientId);
		this.accessTokens = new AccessTokenValidator(verifier,
				(builder.accessTokenAudience != null) ? builder.accessTokenAudience : this.clientId);
		this.logoutTokens = new LogoutTokenValidator(verifier, this.clientId, (builder.logoutReplayStore != null)
				? builder.logoutReplayStore : new InMemoryReplayStore(builder.clock, builder.logoutReplayCacheSize));
		AuthenticatedPost authenticatedPost = new AuthenticatedPost(this.clientId, builder.authentication, http,
				builder.clock, this.random);
		this.tokenEndpoint = new TokenEndpoint(() -> this.discovery.metadata().tokenEndpoint(), authenticatedPost,
				builder.clock);
		this.codeFlow = new CodeFlow(this.issuer, this.discovery::metadata, this.tokenEndpoint, this.idTokens);
		this.serviceTokens = new ServiceTokenCache(builder.clock, builder.serviceTokenRefreshMargin,
				this::requestClientCredentials);
		this.userInfo = new UserInfoEndpoint(this.discovery::metadata, http);
		this.introspection = new IntrospectionEndpoint(this.discovery::metadata, authenticatedPost);
		this.clock = builder.clock;
		this.sessionTokens = new SessionTokenRefresher(builder.clock, builder.sessionTokenRefreshMargin,
				this.codeFlow::refresh, sharedRenewal(builder));
	}

	private static @Nullable SharedRenewal sharedRenewal(Builder builder) {
		if (builder.sessionRenewals == null) {
			return null;
		}
		// a claim outlives the longest request to the token endpoint, so no other node
		// presents the token meanwhile
		Duration hold = builder.connectTimeout.plus(builder.requestTimeout).plusSeconds(5);
		return new SharedRenewal(builder.sessionRenewals, hold, SessionTokenRefresher.REMEMBER_ROTATION,
				builder.sessionRenewalWait);
	}

	/**
	 * Starts a builder with the three settings every department needs.
	 * @param issuer the Khyber Pass issuer, exactly as in its discovery document, such as
	 * {@code https://login.kp.gov.pk}; https (http only for localhost)
	 * @param clientId the client id the security team registered for the department
	 * @param authentication how the client authenticates at the token and introspection
	 * endpoints
	 * @return a builder, never {@code null}
	 * @throws KhyberPassClientException if an argument is {@code null}, blank or not
	 * https
	 */
	public static Builder builder(URI issuer, String clientId, ClientAuthentication authentication) {
		return new Builder(issuer, clientId, authentication);
	}

	/**
	 * Returns the issuer this client trusts.
	 * @return the issuer, never {@code null}
	 */
	public String issuer() {
		return this.issuer;
	}

	/**
	 * Returns the client id.
	 * @return the client id, never {@code null}
	 */
	public String clientId() {
		return this.clientId;
	}

	/**
	 * Validates an ID token from the authorization code flow (OIDC Core §3.1.3.7).
	 * Usually {@link #exchangeCode(Map, PendingAuthorization)} does this for you.
	 * @param jwt the compact ID token, may be {@code null} (rejected)
	 * @param expectedNonce the nonce saved with the authorization request
	 * @return the verified token, never {@code null}
	 * @throws InvalidTokenException if the token is rejected; see its reason
	 * @throws KhyberPassClientException if the keys cannot be fetched
	 */
	public VerifiedIdToken verifyIdToken(@Nullable String jwt, String expectedNonce) {
		Objects.requireNonNull(expectedNonce, "expectedNonce");
		return this.idTokens.validate(jwt, expectedNonce, null, null, null);
	}

	/**
	 * Validates a JWT access token presented to the department's API (RFC 9068 §4): the
	 * signature with the issuer's key, {@code typ at+jwt}, the issuer, the expected
	 * audience (the client id unless {@link Builder#accessTokenAudience(String)} says
	 * otherwise) and the times. Answer HTTP 401 when it throws
	 * {@link InvalidTokenException}.
	 * @param jwt the compact token, without the {@code Bearer } prefix; may be
	 * {@code null} (rejected)
	 * @return the verified token, never {@code null}
	 * @throws InvalidTokenException if the token is rejected; see its reason
	 * @throws KhyberPassClientException if the keys cannot be fetched
	 */
	public VerifiedAccessToken verifyAccessToken(@Nullable String jwt) {
		return this.accessTokens.validate(jwt, null);
	}

	/**
	 * Validates a JWT access token as {@link #verifyAccessToken(String)} and also
	 * requires the sign-in behind it to have at least the given assurance level. Answer
	 * HTTP 401 with {@code error="insufficient_user_authentication"} (RFC 9470) when the
	 * reason is {@link InvalidTokenException.Reason#ACR}.
	 * @param jwt the compact token; may be {@code null} (rejected)
	 * @param minimumAcr the lowest acceptable level
	 * @return the verified token, never {@code null}
	 * @throws InvalidTokenException if the token is rejected; see its reason
	 * @throws KhyberPassClientException if the keys cannot be fetched
	 */
	public VerifiedAccessToken verifyAccessToken(@Nullable String jwt, AssuranceLevel minimumAcr) {
		return this.accessTokens.validate(jwt, Objects.requireNonNull(minimumAcr, "minimumAcr"));
	}

	/**
	 * Validates a back-channel logout token POSTed by Khyber Pass as the form parameter
	 * {@code logout_token}, and remembers its {@code jti} so a replay is refused. End the
	 * sessions it names, then answer HTTP 200; answer HTTP 400 when it throws
	 * {@link InvalidTokenException}.
	 * @param logoutToken the compact logout token; may be {@code null} (rejected)
	 * @return the verified token, never {@code null}
	 * @throws InvalidTokenException if the token is rejected, including
	 * {@link InvalidTokenException.Reason#REPLAY}
	 * @throws KhyberPassClientException if the keys cannot be fetched, or the
	 * {@link Builder#logoutReplayStore(ReplayStore) replay store} fails
	 * @see <a href=
	 * "https://openid.net/specs/openid-connect-backchannel-1_0.html#Validation">OIDC
	 * Back-Channel Logout §2.6</a>
	 */
	public VerifiedLogoutToken verifyLogoutToken(@Nullable String logoutToken) {
		return this.logoutTokens.validate(logoutToken);
	}

	/**
	 * Starts an authorization request that will send the browser back to
	 * {@code redirectUri}.
	 * @param redirectUri the callback URI registered for the client
	 * @return a builder, never {@code null}; {@link AuthorizationRequest.Builder#build()}
	 * fetches the discovery document if needed
	 */
	public AuthorizationRequest.Builder authorizationRequest(URI redirectUri) {
		return new AuthorizationRequest.Builder(this.clientId, () -> this.discovery.metadata().authorizationEndpoint(),
				this.random, redirectUri);
	}

	/**
	 * Completes a sign-in: checks the callback's {@code state} and, per RFC 9207, its
	 * {@code iss}; turns an {@code error} callback into {@link OAuthErrorException};
	 * exchanges the code with its PKCE verifier; and validates the ID token (nonce, and
	 * the assurance level and {@code max_age} that were requested). Remove the pending
	 * authorization from the session before calling, so it is used once.
	 * @param callbackParams the query parameters of the callback request, one value each
	 * @param pending the values saved from {@link AuthorizationRequest#pending()}
	 * @return the tokens, with {@link TokenResponse#idToken()} present; never
	 * {@code null}
	 * @throws InvalidTokenException if the callback or ID token is rejected (STATE,
	 * ISSUER, NONCE, ACR, ...)
	 * @throws OAuthErrorException if Khyber Pass answered with an error, such as
	 * {@code access_denied}
	 * @throws KhyberPassClientException on other failures
	 * @see <a href="https://www.rfc-editor.org/rfc/rfc9207">RFC 9207</a>
	 */
	public TokenResponse exchangeCode(Map<String, String> callbackParams, PendingAuthorization pending) {
		return this.codeFlow.exchange(Map.copyOf(callbackParams), Objects.requireNonNull(pending, "pending"));
	}

	/**
	 * Uses a refresh token. Refresh tokens are rotated: store
	 * {@link TokenResponse#refreshToken()} from the answer and discard the old one, which
	 * no longer works (using it again revokes the whole family). An ID token in the
	 * answer is validated without a nonce; check that its subject is unchanged.
	 * @param refreshToken the latest refresh token
	 * @return the new tokens, never {@code null}
	 * @throws OAuthErrorException with {@code invalid_grant} when the refresh token is
	 * spent, expired or revoked: send the citizen to sign in again
	 * @throws InvalidTokenException if a returned ID token is rejected
	 * @throws KhyberPassClientException on other failures
	 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
	 */
	public TokenResponse refresh(String refreshToken) {
		return this.codeFlow.refresh(refreshToken);
	}

	/**
	 * Keeps the tokens of a sign-in (from
	 * {@link #exchangeCode(Map, PendingAuthorization)}) for
	 * {@link #refreshIfExpiring(SessionTokens)}: store the result in the citizen's
	 * session, server-side.
	 * @param tokens the tokens of the code exchange
	 * @return the tokens to keep, never {@code null}
	 */
	public SessionTokens sessionTokens(TokenResponse tokens) {
		Objects.requireNonNull(tokens, "tokens");
		return new SessionTokens(tokens.accessToken(), tokens.expiresAt().orElse(null), this.clock.instant(),
				tokens.refreshToken().orElse(null), tokens.idToken().map(VerifiedIdToken::subject).orElse(null));
	}

	/**
	 * Returns a sign-in's tokens with an access token good for at least the
	 * {@link Builder#sessionTokenRefreshMargin(Duration) refresh margin}: the same
	 * instance while it is, otherwise new tokens from a refresh (RFC 6749 §6) carrying
	 * the rotated refresh token. When the result is not the argument, store it in the
	 * session in place of the old tokens.
	 * <p>
	 * Khyber Pass revokes every token of the sign-in when a spent refresh token is
	 * presented again, so this method presents each refresh token once per JVM:
	 * concurrent calls with the same tokens share one request, and for a minute
	 * afterwards a call with the old tokens (a copy of the session read before the new
	 * ones were stored) gets the new ones without a request. With
	 * {@link Builder#sessionRenewals(SessionRenewals) shared session renewals}, the same
	 * holds across every node that shares them: one node presents the refresh token, the
	 * others wait for its outcome (new tokens, or the refusal that ends the sign-in).
	 * Without them, nodes do not coordinate: route a session's concurrent requests to one
	 * node (sticky sessions) if they may refresh at the same moment.
	 * <p>
	 * If Khyber Pass cannot be reached, or answers an error other than
	 * {@code invalid_grant}, or another node's renewal does not finish within
	 * {@link Builder#sessionRenewalWait(Duration)}, the current tokens are returned while
	 * the access token has not expired. If the shared renewals fail (their store is
	 * down), this node renews on its own, as without them.
	 * @param tokens the tokens stored in the session
	 * @return the tokens to use, never {@code null}
	 * @throws SignInRequiredException when the sign-in cannot go on: Khyber Pass answered
	 * {@code invalid_grant} (refresh token spent, expired or revoked: the citizen signed
	 * out, changed the password or withdrew consent), the answer's ID token was rejected
	 * or names another subject, or the access token expired and there is no refresh
	 * token. End the local session and sign the citizen in again
	 * @throws KhyberPassClientException if the access token has expired and Khyber Pass
	 * cannot be reached, or another node's renewal did not finish in time (the sign-in
	 * goes on: try again)
	 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
	 */
	public SessionTokens refreshIfExpiring(SessionTokens tokens) {
		return this.sessionTokens.refreshIfExpiring(Objects.requireNonNull(tokens, "tokens"));
	}

	/**
	 * Fetches the citizen's claims from the userinfo endpoint and checks that they
	 * describe the expected subject (OIDC Core §5.3.2).
	 * @param accessToken an access token from the sign-in
	 * @param expectedSubject the {@code sub} of the citizen's ID token
	 * @return the claims, never {@code null}
	 * @throws InvalidTokenException with SUBJECT if the answer is about someone else
	 * @throws OAuthErrorException if the access token is refused (for example
	 * {@code invalid_token})
	 * @throws KhyberPassClientException on other failures, or if Khyber Pass has no
	 * userinfo endpoint
	 */
	public UserInfo userInfo(String accessToken, String expectedSubject) {
		return this.userInfo.fetch(Objects.requireNonNull(accessToken, "accessToken"),
				Objects.requireNonNull(expectedSubject, "expectedSubject"));
	}

	/**
	 * Asks Khyber Pass whether an access token is still active (RFC 7662 token
	 * introspection), authenticated as this client like the token endpoint. A JWT access
	 * token that {@link #verifyAccessToken(String)} accepts stays valid until it expires
	 * (at most five minutes) even after the citizen signed out, withdrew consent or
	 * changed the password; introspection sees the revocation at once. Call it before
	 * high-value actions (payments, changing registered data, issuing documents), after
	 * the local checks, and refuse the action when the answer is not
	 * {@link TokenIntrospection#isActive() active}. Each call is one request: do not
	 * cache the answer for more than a few seconds.
	 * <p>
	 * Any client may introspect any token, so this does not check the token's audience:
	 * verify the token with {@link #verifyAccessToken(String)} first.
	 * @param accessToken the compact access token, without the {@code Bearer } prefix
	 * @return the answer, never {@code null}; an unknown, expired or revoked token is
	 * {@code active=false}, not an exception
	 * @throws OAuthErrorException if Khyber Pass refuses the request, for example
	 * {@code invalid_client} when the client authentication is wrong
	 * @throws KhyberPassClientException on other failures (network, an answer that is not
	 * introspection), if Khyber Pass publishes no {@code introspection_endpoint}, or if
	 * the client was built with {@link ClientAuthentication#none()}
	 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662">RFC 7662</a>
	 */
	public TokenIntrospection introspect(String accessToken) {
		return this.introspection.introspect(Objects.requireNonNull(accessToken, "accessToken"));
	}

	/**
	 * Introspects an access token as {@link #introspect(String)} and, when it is active,
	 * also requires the sign-in behind it to have at least the given assurance level. An
	 * inactive token is still returned as such: check
	 * {@link TokenIntrospection#isActive()} first.
	 * @param accessToken the compact access token, without the {@code Bearer } prefix
	 * @param minimumAcr the lowest acceptable level
	 * @return the answer, never {@code null}
	 * @throws InvalidTokenException with reason {@link InvalidTokenException.Reason#ACR}
	 * if the token is active but its {@code acr} is absent or below {@code minimumAcr}
	 * @throws OAuthErrorException if Khyber Pass refuses the request
	 * @throws KhyberPassClientException on other failures
	 */
	public TokenIntrospection introspect(String accessToken, AssuranceLevel minimumAcr) {
		Objects.requireNonNull(minimumAcr, "minimumAcr");
		TokenIntrospection answer = introspect(accessToken);
		if (answer.isActive()) {
			AcrCheck.require(answer.acr(), minimumAcr, "access token");
		}
		return answer;
	}

	/**
	 * Builds the RP-initiated logout URL to redirect the browser to after ending the
	 * local session.
	 * @param idTokenHint the ID token of the session ({@link VerifiedIdToken#token()})
	 * @param postLogoutRedirectUri where Khyber Pass sends the browser afterwards
	 * (registered for the client), or {@code null} to stay on Khyber Pass
	 * @param state an opaque value echoed to {@code postLogoutRedirectUri}, or
	 * {@code null}
	 * @return the URI, never {@code null}
	 * @throws KhyberPassClientException if Khyber Pass publishes no
	 * {@code end_session_endpoint}
	 * @see <a href=
	 * "https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout">OIDC
	 * RP-Initiated Logout §2</a>
	 */
	public URI logoutUri(String idTokenHint, @Nullable URI postLogoutRedirectUri, @Nullable String state) {
		URI endpoint = this.discovery.metadata().endSessionEndpoint();
		if (endpoint == null) {
			throw new KhyberPassClientException("The discovery document has no end_session_endpoint");
		}
		Map<String, String> params = new LinkedHashMap<>();
		params.put("id_token_hint", Objects.requireNonNull(idTokenHint, "idTokenHint"));
		params.put("client_id", this.clientId);
		if (postLogoutRedirectUri != null) {
			params.put("post_logout_redirect_uri", postLogoutRedirectUri.toString());
		}
		if (state != null) {
			params.put("state", state);
		}
		return AuthorizationRequest.appendQuery(endpoint, params);
	}

	/**
	 * Returns an access token for the department service itself (client credentials
	 * grant), from the cache while it has more than the refresh margin left. Concurrent
	 * callers for the same scopes share one request.
	 * @param scopes the scopes to ask for; the cache key is the set, in any order
	 * @return the token, never {@code null}
	 * @throws OAuthErrorException if Khyber Pass refuses (for example
	 * {@code invalid_scope})
	 * @throws KhyberPassClientException on other failures
	 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">RFC 6749 §4.4</a>
	 */
	public ServiceToken clientCredentialsToken(Set<String> scopes) {
		return this.serviceTokens.get(Objects.requireNonNull(scopes, "scopes"));
	}

	/**
	 * Exchanges a token for one to call another service on the citizen's behalf (RFC
	 * 8693). Not cached.
	 * @param request the exchange
	 * @return the issued token, never {@code null}
	 * @throws OAuthErrorException if Khyber Pass refuses (for example
	 * {@code invalid_target})
	 * @throws KhyberPassClientException on other failures
	 * @see <a href="https://www.rfc-editor.org/rfc/rfc8693">RFC 8693</a>
	 */
	public ServiceToken exchangeToken(TokenExchangeRequest request) {
		Map<String, String> grant = new LinkedHashMap<>();
		grant.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
		grant.put("subject_token", request.subjectToken());
		grant.put("subject_token_type", request.subjectTokenType());
		if (request.audience() != null) {
			grant.put("audience", request.audience());
		}
		if (request.resource() != null) {
			grant.put("resource", request.resource().toString());
		}
		if (!request.scopes().isEmpty()) {
			grant.put("scope", String.join(" ", request.scopes()));
		}
		TokenEndpoint.Answer answer = this.tokenEndpoint.post(grant);
		return serviceToken(answer, request.scopes());
	}

	/**
	 * Stops the background key refresh. The client still works afterwards, fetching keys
	 * on demand only. Idempotent.
	 */
	@Override
	public void close() {
		this.keys.close();
		this.scheduler.shutdownNow();
	}

	private ServiceToken requestClientCredentials(Set<String> scopes) {
		Map<String, String> grant = new LinkedHashMap<>();
		grant.put("grant_type", "client_credentials");
		if (!scopes.isEmpty()) {
			grant.put("scope", String.join(" ", scopes.stream().sorted().toList()));
		}
		return serviceToken(this.tokenEndpoint.post(grant), scopes);
	}

	private static ServiceToken serviceToken(TokenEndpoint.Answer answer, Set<String> requestedScopes) {
		return new ServiceToken(answer.requiredString("access_token"), answer.requiredString("token_type"),
				answer.expiresAt(), answer.scopes(requestedScopes), answer.optionalString("issued_token_type"));
	}

	/**
	 * Configures a {@link KhyberPassClient}; every setting has a safe default. Not
	 * thread-safe: configure on one thread, then {@link #build()}.
	 */
	public static final class Builder {

		private final URI issuer;

		private final String clientId;

		private final ClientAuthentication authentication;

		private @Nullable String accessTokenAudience;

		private Duration clockSkew = Duration.ofSeconds(10);

		private Duration connectTimeout = Duration.ofSeconds(5);

		private Duration requestTimeout = Duration.ofSeconds(10);

		private Duration jwksMinTtl = Duration.ofMinutes(1);

		private Duration jwksMaxTtl = Duration.ofHours(1);

		private Duration jwksDefaultTtl = Duration.ofMinutes(15);

		private Duration jwksRefetchInterval = Duration.ofSeconds(30);

		private Duration serviceTokenRefreshMargin = Duration.ofSeconds(30);

		private int logoutReplayCacheSize = 100_000;

		private @Nullable ReplayStore logoutReplayStore;

		private Duration sessionTokenRefreshMargin = Duration.ofSeconds(30);

		private @Nullable SessionRenewals sessionRenewals;

		private Duration sessionRenewalWait = Duration.ofSeconds(5);

		private @Nullable HttpClient httpClient;

		private Clock clock = Clock.systemUTC();

		private SecureRandom random = new SecureRandom();

		private Builder(URI issuer, String clientId, ClientAuthentication authentication) {
			if (issuer == null || clientId == null || clientId.isBlank() || authentication == null) {
				throw new KhyberPassClientException("The issuer URI, client id and client authentication are required");
			}
			ProviderMetadata.requireSecure(issuer, ProviderMetadata.isLoopback(issuer), "The issuer");
			if (issuer.getRawQuery() != null || issuer.getRawFragment() != null) {
				throw new KhyberPassClientException("The issuer must not have a query or fragment: " + issuer);
			}
			this.issuer = issuer;
			this.clientId = clientId;
			this.authentication = authentication;
		}

		/**
		 * Sets the audience access tokens must carry: the logical name the security team
		 * gave this API. Default: the client id.
		 * @param audience the audience, not {@code null} or blank
		 * @return this builder
		 */
		public Builder accessTokenAudience(String audience) {
			if (audience == null || audience.isBlank()) {
				throw new KhyberPassClientException("The access token audience must not be blank");
			}
			this.accessTokenAudience = audience;
			return this;
		}

		/**
		 * Sets the clock skew tolerated for {@code exp} and {@code nbf}. Default 10
		 * seconds, at most 2 minutes. ({@code iat} may be up to 60 seconds ahead
		 * regardless.)
		 * @param clockSkew the skew, not {@code null}
		 * @return this builder
		 */
		public Builder clockSkew(Duration clockSkew) {
			this.clockSkew = within(clockSkew, Duration.ZERO, Duration.ofMinutes(2), "clockSkew");
			return this;
		}

		/**
		 * Sets the connect and request timeouts of the HTTP client. Defaults 5 and 10
		 * seconds.
		 * @param connectTimeout the connect timeout, 100 ms to 1 minute
		 * @param requestTimeout the timeout of each request, 100 ms to 2 minutes
		 * @return this builder
		 */
		public Builder timeouts(Duration connectTimeout, Duration requestTimeout) {
			this.connectTimeout = within(connectTimeout, Duration.ofMillis(100), Duration.ofMinutes(1),
					"connectTimeout");
			this.requestTimeout = within(requestTimeout, Duration.ofMillis(100), Duration.ofMinutes(2),
					"requestTimeout");
			return this;
		}

		/**
		 * Bounds how long fetched signing keys are used before being refreshed: Khyber
		 * Pass's {@code Cache-Control: max-age} is clamped to this range. Defaults 1
		 * minute and 1 hour.
		 * @param floor the shortest lifetime, at least 1 second
		 * @param ceiling the longest lifetime, at least {@code floor}, at most 1 day
		 * @return this builder
		 */
		public Builder jwksCacheLifetime(Duration floor, Duration ceiling) {
			this.jwksMinTtl = within(floor, Duration.ofSeconds(1), Duration.ofDays(1), "floor");
			this.jwksMaxTtl = within(ceiling, floor, Duration.ofDays(1), "ceiling");
			Duration fifteenMinutes = Duration.ofMinutes(15);
			this.jwksDefaultTtl = (fifteenMinutes.compareTo(floor) < 0) ? floor
					: (fifteenMinutes.compareTo(ceiling) > 0) ? ceiling : fifteenMinutes;
			return this;
		}

		/**
		 * Sets the least time between two key fetches caused by tokens naming an unknown
		 * key, so forged key ids cannot flood Khyber Pass. Default 30 seconds.
		 * @param interval the interval, 1 second to 1 hour
		 * @return this builder
		 */
		public Builder jwksRefetchInterval(Duration interval) {
			this.jwksRefetchInterval = within(interval, Duration.ofSeconds(1), Duration.ofHours(1), "interval");
			return this;
		}

		/**
		 * Sets how long before expiry a cached client-credentials token is replaced.
		 * Default 30 seconds (half the lifetime for tokens living less than twice that).
		 * @param margin the margin, 0 to 10 minutes
		 * @return this builder
		 */
		public Builder serviceTokenRefreshMargin(Duration margin) {
			this.serviceTokenRefreshMargin = within(margin, Duration.ZERO, Duration.ofMinutes(10), "margin");
			return this;
		}

		/**
		 * Sets how long before expiry
		 * {@link KhyberPassClient#refreshIfExpiring(SessionTokens)} renews a sign-in's
		 * access token. Default 30 seconds (half the lifetime for tokens living less than
		 * twice that).
		 * @param margin the margin, 0 to 10 minutes
		 * @return this builder
		 */
		public Builder sessionTokenRefreshMargin(Duration margin) {
			this.sessionTokenRefreshMargin = within(margin, Duration.ZERO, Duration.ofMinutes(10), "margin");
			return this;
		}

		/**
		 * Shares the renewals of sign-ins' access tokens with every node that uses the
		 * same store, so that a refresh token is presented once across all of them (see
		 * {@link KhyberPassClient#refreshIfExpiring(SessionTokens)}): needed when several
		 * nodes share sessions without sticky sessions. Default: none, each JVM renews on
		 * its own.
		 * @param renewals the store every node shares, not {@code null}
		 * @return this builder
		 */
		public Builder sessionRenewals(SessionRenewals renewals) {
			this.sessionRenewals = Objects.requireNonNull(renewals, "renewals");
			return this;
		}

		/**
		 * Sets how long a node waits for another node's renewal of the same refresh token
		 * before going on with the current access token. Default 5 seconds. Ignored
		 * without {@link #sessionRenewals(SessionRenewals)}.
		 * @param wait the wait, 100 ms to 30 seconds
		 * @return this builder
		 */
		public Builder sessionRenewalWait(Duration wait) {
			this.sessionRenewalWait = within(wait, Duration.ofMillis(100), Duration.ofSeconds(30), "wait");
			return this;
		}

		/**
		 * Sets how many logout token ids the default in-memory replay store remembers.
		 * Default 100,000. Ignored with {@link #logoutReplayStore(ReplayStore)}.
		 * @param size the size, at least 100
		 * @return this builder
		 */
		public Builder logoutReplayCacheSize(int size) {
			if (size < 100) {
				throw new KhyberPassClientException("logoutReplayCacheSize must be at least 100");
			}
			this.logoutReplayCacheSize = size;
			return this;
		}

		/**
		 * Uses this store to refuse replayed back-channel logout tokens. Default: one in
		 * this JVM's memory ({@link ReplayStore#inMemory(int, Clock)}), right for one
		 * node only; a service with several nodes passes one store they all share.
		 * @param store the store, not {@code null}
		 * @return this builder
		 */
		public Builder logoutReplayStore(ReplayStore store) {
			this.logoutReplayStore = Objects.requireNonNull(store, "store");
			return this;
		}

		/**
		 * Uses this HTTP client, for example one with the government CA in its
		 * {@code SSLContext} or a proxy. It should not follow redirects, and it must set
		 * a connect timeout (the {@link #timeouts} connect timeout is then ignored).
		 * @param httpClient the client, not {@code null}
		 * @return this builder
		 */
		public Builder httpClient(HttpClient httpClient) {
			this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
			return this;
		}

		/**
		 * Uses this clock for token times and caches (for tests). Default: the system UTC
		 * clock.
		 * @param clock the clock, not {@code null}
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Uses this random generator for state, nonce, PKCE and assertion ids. Default: a
		 * new {@link SecureRandom}.
		 * @param random the generator, not {@code null}
		 * @return this builder
		 */
		public Builder secureRandom(SecureRandom random) {
			this.random = Objects.requireNonNull(random, "random");
			return this;
		}

		/**
		 * Builds the client. No network call is made until the client needs one.
		 * @return the client, never {@code null}
		 */
		public KhyberPassClient build() {
			return new KhyberPassClient(this);
		}

		private static Duration within(Duration value, Duration min, Duration max, String name) {
			Objects.requireNonNull(value, name);
			if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
				throw new KhyberPassClientException(
						name + " must be between " + min + " and " + max + ", was " + value);
			}
			return value;
		}

	}

}
