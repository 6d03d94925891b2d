package pk.gov.kp.khyberpass.session;

import jakarta.servlet.SessionCookieConfig;

import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import pk.gov.kp.khyberpass.oidc.OidcProperties;

/**
 * The SSO session cookie, the same whether the servlet container keeps sessions
 * (development) or Spring Session keeps them in Redis (production): {@code HttpOnly},
 * {@code SameSite=Lax} (the authorization redirect from a department is a top-level
 * navigation, so the cookie still travels), and {@code Secure} whenever the issuer is
 * https.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

	static final String COOKIE_NAME = "KHYBERPASS_SESSION";

	@Bean
	ServletContextInitializer sessionCookie(OidcProperties oidc) {
		return (servletContext) -> {
			SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
			cookie.setName(COOKIE_NAME);
			cookie.setHttpOnly(true);
			cookie.setSecure("https".equals(oidc.issuer().getScheme()));
			cookie.setPath("/");
			cookie.setAttribute("SameSite", "Lax");
		};
	}

	@Bean
	DefaultCookieSerializerCustomizer springSessionCookie(OidcProperties oidc) {
		return (serializer) -> {
			serializer.setCookieName(COOKIE_NAME);
			serializer.setUseHttpOnlyCookie(true);
			serializer.setUseSecureCookie("https".equals(oidc.issuer().getScheme()));
			serializer.setCookiePath("/");
			serializer.setSameSite("Lax");
		};
	}

}
