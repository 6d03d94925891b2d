package pk.gov.kp.khyberpass.sdk.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports {@link InvalidKhyberPassPropertiesException} at start-up as a short description
 * naming the property and an action saying what to set.
 */
public final class InvalidKhyberPassPropertiesFailureAnalyzer
		extends AbstractFailureAnalyzer<InvalidKhyberPassPropertiesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidKhyberPassPropertiesException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action() + ". The minimum is khyberpass.issuer, "
				+ "khyberpass.client-id and khyberpass.client-secret.", cause);
	}

}
