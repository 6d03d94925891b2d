package pk.gov.kp.khyberpass.mfa;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.mfa.passkey.Passkeys;

/**
 * Step-up in place: a signed-in citizen whose session is below what a department asked
 * for gives a second factor (an authenticator-app code, a code sent by SMS on request, or
 * a recovery code), never the password again. On success the factor joins the session's
 * authentication, the session id changes, and the authorization request goes on.
 */
@Controller
final class SecondFactorController {

	static final String PATH = "/login/second-factor";

	private final SecondFactors secondFactors;

	private final Clock clock;

	private final Passkeys passkeys;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SmsSignInCodes smsCodes;

	SecondFactorController(SecondFactors secondFactors, Clock clock, Passkeys passkeys, SmsSignInCodes smsCodes) {
		this.secondFactors = secondFactors;
		this.clock = clock;
		this.passkeys = passkeys;
		this.smsCodes = smsCodes;
	}

	@GetMapping(PATH)
	String page(@RequestParam(name = "continue", required = false) @Nullable String next,
			@RequestParam(name = "level", required = false) @Nullable String level, Authentication authentication,
			Model model) {
		passkeyOption(authentication, level, model);
		model.addAttribute("next", safe(next));
		model.addAttribute("failed", false);
		model.addAttribute("throttled", false);
		this.smsCodes.describe(AccountId.parse(authentication.getName()), model);
		return "mfa/second-factor";
	}

	/**
	 * "Send me a code by SMS": the page again, now saying where the code went (or why it
	 * did not).
	 */
	@PostMapping(PATH + "/sms")
	String sendSms(@RequestParam(name = "continue", required = false) @Nullable String next,
			Authentication authentication, Locale locale, Model model) {
		passkeyOption(authentication, null, model);
		model.addAttribute("next", safe(next));
		model.addAttribute("failed", false);
		model.addAttribute("throttled", false);
		this.smsCodes.send(AccountId.parse(authentication.getName()), locale, model);
		return "mfa/second-factor";
	}

	@PostMapping(PATH)
	String verify(@RequestParam("code") String code,
			@RequestParam(name = "continue", required = false) @Nullable String next, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		passkeyOption(authentication, null, model);
		model.addAttribute("next", safe(next));
		model.addAttribute("failed", false);
		model.addAttribute("throttled", false);
		this.smsCodes.describe(AccountId.parse(authentication.getName()), model);
		Optional<SecondFactor> proved;
		try {
			proved = (code.length() > 64) ? Optional.empty()
					: this.secondFactors.verify(AccountId.parse(authentication.getName()), code);
		}
		catch (SecondFactorThrottledException ex) {
			model.addAttribute("throttled", true);
			return "mfa/second-factor";
		}
		if (proved.isEmpty()) {
			model.addAttribute("failed", true);
			return "mfa/second-factor";
		}
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(withFactor(authentication, proved.get()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		return "redirect:" + safe(next);
	}

	/**
	 * Offers a passkey (its ceremony is in {@code mfa.passkey}) when the citizen has one;
	 * when only a passkey meets the asked level ({@code level=3}), the code form is not
	 * offered.
	 */
	private void passkeyOption(Authentication authentication, @Nullable String level, Model model) {
		model.addAttribute("passkey", this.passkeys.hasPasskey(AccountId.parse(authentication.getName())));
		model.addAttribute("passkeyOnly", "3".equals(level));
	}

	private Authentication withFactor(Authentication current, SecondFactor factor) {
		List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities());
		authorities
			.add(FactorGrantedAuthority.withAuthority(factor.authority()).issuedAt(this.clock.instant()).build());
		UsernamePasswordAuthenticationToken stepped = UsernamePasswordAuthenticationToken
			.authenticated(current.getName(), null, authorities);
		stepped.setDetails(current.getDetails());
		return stepped;
	}

	/**
	 * Only an authorization request on this server may be continued: no open redirect.
	 */
	private static String safe(@Nullable String next) {
		return (next != null && next.startsWith("/oauth2/authorize?") && !next.contains("\\")) ? next : "/";
	}

}
