package pk.gov.kp.khyberpass.mfa;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.CitizenAuthenticationProvider;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;

/**
 * Generating a new set of recovery codes, shown once. Someone who walked up to a
 * signed-in computer must not be able to do it: the citizen must have given a second
 * factor within the last few minutes (a recent sign-in at {@code urn:kp:loa:2}) or type
 * the password again. Wrong passwords are counted like wrong codes.
 */
@Controller
final class RecoveryCodesController {

	static final String PATH = "/account/security/recovery-codes";

	private static final Set<String> SECOND_FACTOR_AUTHORITIES = Set.of(SecondFactor.TOTP.authority(),
			SecondFactor.SMS.authority(), SecondFactor.RECOVERY_CODE.authority(),
			FactorGrantedAuthority.WEBAUTHN_AUTHORITY);

	private final RecoveryCodes codes;

	private final FactorChanges changes;

	private final CitizenAuthenticationProvider passwords;

	private final AccountService accounts;

	private final ReauthenticationThrottle throttle;

	private final Clock clock;

	RecoveryCodesController(RecoveryCodes codes, FactorChanges changes, CitizenAuthenticationProvider passwords,
			AccountService accounts, EphemeralStore store, MfaProperties properties, Clock clock) {
		this.codes = codes;
		this.changes = changes;
		this.passwords = passwords;
		this.accounts = accounts;
		this.throttle = new ReauthenticationThrottle(store, properties);
		this.clock = clock;
	}

	@GetMapping(PATH)
	String page(Authentication authentication, Model model) {
		return show(authentication, null, model);
	}

	@PostMapping(PATH)
	String generate(@RequestParam(name = "password", required = false) @Nullable String password,
			Authentication authentication, HttpServletResponse response, Model model) {
		AccountId account = AccountId.parse(authentication.getName());
		if (!recentSecondFactor(authentication)) {
			if (this.throttle.exhausted(account)) {
				return show(authentication, "recovery.password.throttled", model);
			}
			if (password == null || password.isEmpty() || password.length() > 1024
					|| !passwordMatches(account, password)) {
				this.throttle.failed(account);
				return show(authentication, "recovery.password.wrong", model);
			}
			this.throttle.reset(account);
		}
		List<String> fresh = this.codes.regenerate(account);
		this.changes.recoveryCodesGenerated(account);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("codes", fresh);
		return "mfa/recovery-codes-new";
	}

	private String show(Authentication authentication, @Nullable String error, Model model) {
		model.addAttribute("remaining", this.codes.remaining(AccountId.parse(authentication.getName())));
		model.addAttribute("passwordNeeded", !recentSecondFactor(authentication));
		model.addAttribute("error", error);
		return "mfa/recovery-codes";
	}

	/**
	 * Whether the session holds a second factor given within
	 * {@code khyberpass.mfa.recent-sign-in}.
	 */
	private boolean recentSecondFactor(Authentication authentication) {
		Instant since = this.clock.instant().minus(this.throttle.recentSignIn());
		return authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> authority instanceof FactorGrantedAuthority factor
					&& SECOND_FACTOR_AUTHORITIES.contains(factor.getAuthority())
					&& factor.getIssuedAt().isAfter(since));
	}

	private boolean passwordMatches(AccountId account, String password) {
		String cnic = this.accounts.findById(account).map((found) -> found.cnic().digits()).orElse("");
		try {
			return this.passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(cnic, password))
				.getName()
				.equals(account.toString());
		}
		catch (AuthenticationException ex) {
			return false;
		}
	}

}
