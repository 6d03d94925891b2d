package pk.gov.kp.khyberpass.sdk.spring.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;

/**
 * Enforces {@link RequiresAssuranceLevel} on Spring MVC handlers (on the method, else on
 * its class), stepping up browser sessions and refusing weaker API tokens with 401
 * {@code insufficient_user_authentication}.
 */
final class KhyberPassAssuranceInterceptor implements HandlerInterceptor {

	private final KhyberPassStepUp stepUp;

	private final Map<HandlerMethod, Optional<AssuranceLevel>> levels = new ConcurrentHashMap<>();

	KhyberPassAssuranceInterceptor(KhyberPassStepUp stepUp) {
		this.stepUp = stepUp;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		Optional<AssuranceLevel> required = this.levels.computeIfAbsent(method,
				KhyberPassAssuranceInterceptor::required);
		return required.isEmpty() || this.stepUp.check(request, response, required.get());
	}

	private static Optional<AssuranceLevel> required(HandlerMethod method) {
		RequiresAssuranceLevel annotation = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(),
				RequiresAssuranceLevel.class);
		if (annotation == null) {
			annotation = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresAssuranceLevel.class);
		}
		if (annotation == null) {
			return Optional.empty();
		}
		return Optional.of(KhyberPassAssurance.level(annotation.value(),
				"@RequiresAssuranceLevel on " + method.getShortLogMessage()));
	}

}
