package pk.gov.kp.khyberpass.language;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import pk.gov.kp.khyberpass.oidc.OidcProperties;

/**
 * Wires the citizen's language: the cookie-backed resolver (named {@code localeResolver},
 * so it replaces Spring Boot's header-only one), the switcher's {@code ?lang=} parameter,
 * and {@code ui_locales} on the authorization endpoint.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

	@Bean
	LocaleResolver localeResolver(OidcProperties oidc) {
		return new CitizenLocaleResolver("https".equals(oidc.issuer().getScheme()));
	}

	@Bean
	WebMvcConfigurer languageSwitch() {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				LocaleChangeInterceptor switcher = new LocaleChangeInterceptor();
				switcher.setParamName(LanguageSwitcher.PARAMETER);
				switcher.setHttpMethods("GET");
				switcher.setIgnoreInvalidLocale(true);
				registry.addInterceptor(switcher);
			}

		};
	}

	@Bean
	FilterRegistrationBean<UiLocalesFilter> uiLocalesFilter(LocaleResolver localeResolver) {
		FilterRegistrationBean<UiLocalesFilter> registration = new FilterRegistrationBean<>(
				new UiLocalesFilter(localeResolver));
		registration.addUrlPatterns("/oauth2/authorize");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

}
