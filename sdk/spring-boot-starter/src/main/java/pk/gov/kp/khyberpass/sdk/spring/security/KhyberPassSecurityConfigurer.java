package pk.gov.kp.khyberpass.sdk.spring.security;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.security.autoconfigure.web.StaticResourceLocation;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.FormLoginConfigurer;
import org.springframework.security.config.annotation.web.configurers.HttpBasicConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import pk.gov.kp.khyberpass.sdk.EndedSessions;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.spring.KhyberPassProperties;

/**
 * Applies Khyber Pass to Spring Security filter chains. The starter's default chains use
 * it; an application that defines its own {@code SecurityFilterChain} beans can inject it
 * and call {@link #api(HttpSecurity)} and {@link #browser(HttpSecurity)}, then add its
 * own rules:
 *
 * <pre>{@code
 * &#64;Bean @Order(1)
 * SecurityFilterChain api(HttpSecurity http, KhyberPassSecurityConfigurer khyberPass) {
 *     return khyberPass.api(http).build();
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class KhyberPassSecurityConfigurer {

	private final KhyberPassClient client;

	private final KhyberPassProperties properties;

	private final KhyberPassAssurance assurance;

	private final KhyberPassSessionIndex sessions;

	private final KhyberPassSignIn signIn;

	private final KhyberPassStepUp stepUp;

	private final @Nullable EndedSessions endedSessions;

	private final AtomicBoolean applied = new AtomicBoolean();

	KhyberPassSecurityConfigurer(KhyberPassClient client, KhyberPassProperties properties,
			KhyberPassAssurance assurance, KhyberPassSessionIndex sessions, @Nullable EndedSessions endedSessions) {
		this.client = client;
		this.properties = properties;
		this.assurance = assurance;
		this.sessions = sessions;
		this.endedSessions = endedSessions;
		this.signIn = new KhyberPassSignIn(client, properties);
		this.stepUp = new KhyberPassStepUp(this.signIn);
	}

	/**
	 * Makes the chain the department's API ({@code khyberpass.api-paths}): stateless,
	 * bearer access tokens verified by Khyber Pass keys, the assurance rules enforced
	 * (401 {@code insufficient_user_authentication}), no session, no CSRF token (no
	 * cookie is read), every request authenticated.
	 * @param http the chain builder, not {@code null}
	 * @return the same builder
	 */
	public HttpSecurity api(HttpSecurity http) {
		this.applied.set(true);
		AuthenticationEntryPoint missingToken = (request, response, ex) -> BearerChallenge.missingToken(response);
		return http.securityMatcher(this.properties.apiPaths().toArray(String[]::new))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(missingToken))
			.addFilterBefore(new KhyberPassBearerTokenFilter(this.client, this.assurance),
					AnonymousAuthenticationFilter.class);
	}

	/**
	 * Makes the chain the browser side: everything but static resources and the error
	 * page needs a Khyber Pass sign-in (the login and callback paths),
	 * {@code POST /logout} ends the local session then the Khyber Pass one, the
	 * back-channel logout endpoint ends sessions (and, with a shared
	 * {@link EndedSessions} bean, records the logout there and ends on every node the
	 * sessions it names), and the assurance rules step up; a
	 * {@link KhyberPassSignInRequiredException} thrown while handling a request sends the
	 * browser to sign in again.
	 * @param http the chain builder, not {@code null}
	 * @return the same builder
	 */
	public HttpSecurity browser(HttpSecurity http) {
		this.applied.set(true);
		SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
				new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
		AuthenticationEntryPoint signInFirst = (request, response, ex) -> {
			if ("GET".equals(request.getMethod())) {
				this.signIn.redirect(request, response, this.assurance.requiredFor(request).orElse(null));
			}
			else {
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			}
		};
		refuseLocalSignIn(http);
		try {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers(staticResources())
				.permitAll()
				.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/error")
				.permitAll()
				.anyRequest()
				.authenticated());
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("KhyberPassSecurityConfigurer.browser(http): this chain already has an "
					+ "anyRequest() rule; remove it (browser() makes every other request need a Khyber Pass "
					+ "sign-in) and keep only the rules for pages that need no sign-in before calling browser()", ex);
		}
		http.securityContext((context) -> context.securityContextRepository(contexts))
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(signInFirst))
			.logout((logout) -> logout.logoutSuccessHandler(new KhyberPassLogoutSuccessHandler(this.client,
					this.properties.postLogoutRedirectUri(), this.signIn)))
			.addFilterBefore(new KhyberPassBackChannelLogoutFilter(this.client, this.sessions, this.endedSessions,
					this.properties.backchannelLogoutPath()), CsrfFilter.class)
			.addFilterAfter(
					new KhyberPassLoginFilter(this.client, this.signIn, this.sessions, contexts, this.properties),
					LogoutFilter.class)
			.addFilterBefore(new KhyberPassAssuranceFilter(this.assurance, this.stepUp), AuthorizationFilter.class);
		if (this.endedSessions != null) {
			http.addFilterBefore(new KhyberPassEndedSessionFilter(this.endedSessions),
					AnonymousAuthenticationFilter.class);
		}
		return http;
	}

	/**
	 * A chain that signs citizens in at Khyber Pass must not also take local passwords: a
	 * form login or HTTP Basic left over from before would stay a second way in.
	 */
	private static void refuseLocalSignIn(HttpSecurity http) {
		if (http.getConfigurer(FormLoginConfigurer.class) != null
				|| http.getConfigurer(HttpBasicConfigurer.class) != null) {
			throw new IllegalStateException("KhyberPassSecurityConfigurer.browser(http): remove formLogin() and "
					+ "httpBasic() from this chain; citizens sign in at Khyber Pass, and a local password sign-in "
					+ "would stay a second way in (give staff sign-in a chain of its own, with securityMatcher)");
		}
	}

	/**
	 * Returns the assurance rules in force: the {@code khyberpass.assurance.paths}
	 * property and every {@link KhyberPassAssurance} bean.
	 * @return the rules, never {@code null}
	 */
	public KhyberPassAssurance assurance() {
		return this.assurance;
	}

	/** Whether any chain was made with {@link #api} or {@link #browser}. */
	boolean applied() {
		return this.applied.get();
	}

	KhyberPassStepUp stepUp() {
		return this.stepUp;
	}

	private static RequestMatcher staticResources() {
		return new OrRequestMatcher(Arrays.stream(StaticResourceLocation.values())
			.flatMap(StaticResourceLocation::getPatterns)
			.map(PathPatternRequestMatcher.withDefaults()::matcher)
			.map(RequestMatcher.class::cast)
			.toList());
	}

}
