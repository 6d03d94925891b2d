package pk.gov.kp.khyberpass.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips an integration test class with one clear line when PostgreSQL or Redis is
 * missing, unless {@code KHYBERPASS_IT_REQUIRED=true}, where the test runs and fails.
 */
public final class RealServersCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String missing = RealServers.missing();
		if (missing == null || RealServers.required()) {
			return ConditionEvaluationResult.enabled("PostgreSQL and Redis required");
		}
		return ConditionEvaluationResult.disabled("Skipping integration tests: " + missing);
	}

}
