package pk.gov.kp.khyberpass.oidc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * What a sign-in proved, read from the factor authorities Spring Security 7 grants at
 * each authentication step: the assurance level ({@code acr}), the methods ({@code amr},
 * RFC 8176) and when it happened.
 */
record AuthenticationFactors(String acr, List<String> amr, Optional<Instant> authenticatedAt) {

	static AuthenticationFactors of(Authentication authentication) {
		List<String> amr = new ArrayList<>();
		Instant latest = null;
		boolean passkey = false;
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			if (authority instanceof FactorGrantedAuthority factor) {
				String method = methodReference(factor.getAuthority());
				if (!amr.contains(method)) {
					amr.add(method);
				}
				passkey |= FactorGrantedAuthority.WEBAUTHN_AUTHORITY.equals(factor.getAuthority());
				if (latest == null || factor.getIssuedAt().isAfter(latest)) {
					latest = factor.getIssuedAt();
				}
			}
		}
		String acr = passkey ? AssuranceLevels.LOA3 : (amr.size() > 1) ? AssuranceLevels.LOA2 : AssuranceLevels.LOA1;
		if (amr.size() > 1) {
			amr.add("mfa");
		}
		return new AuthenticationFactors(acr, List.copyOf(amr), Optional.ofNullable(latest));
	}

	private static String methodReference(String factorAuthority) {
		return switch (factorAuthority) {
			case FactorGrantedAuthority.PASSWORD_AUTHORITY -> "pwd";
			case FactorGrantedAuthority.WEBAUTHN_AUTHORITY -> "hwk";
			case FactorGrantedAuthority.OTT_AUTHORITY, "FACTOR_TOTP", "FACTOR_RECOVERY_CODE" -> "otp";
			// RFC 8176 §2: confirmation by an SMS text message to the user at a
			// registered number
			case "FACTOR_SMS" -> "sms";
			// A passkey's user verification (PIN or biometric; WebAuthn does not say
			// which).
			case "FACTOR_USER_VERIFICATION" -> "user";
			default -> "user";
		};
	}

}
