package pk.gov.kp.khyberpass.account.profile;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.FormErrors;
import pk.gov.kp.khyberpass.account.registration.CivilRegistry;
import pk.gov.kp.khyberpass.account.registration.RegistryUnavailableException;
import pk.gov.kp.khyberpass.audit.AuditEventType;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /account/profile}: the citizen's name, mobile number and e-mail address, each
 * changed on its own form. A new name must be confirmed by the civil registry with the
 * CNIC and date of birth; the mobile number changes through
 * {@link MobileChangeController}, the e-mail address through
 * {@link EmailChangeController}.
 */
@Controller
final class ProfileController {

	static final String PATH = "/account/profile";

	private static final Logger log = LoggerFactory.getLogger(ProfileController.class);

	private static final int MAX_NAME_LENGTH = 100;

	private final AccountService accounts;

	private final CivilRegistry registry;

	private final ProfileChanges changes;

	private final MessageSource messages;

	ProfileController(AccountService accounts, CivilRegistry registry, ProfileChanges changes, MessageSource messages) {
		this.accounts = accounts;
		this.registry = registry;
		this.changes = changes;
		this.messages = messages;
	}

	/** The e-mail address waiting for its code, shown as pending on the page. */
	@ModelAttribute("pendingEmail")
	@Nullable String pendingEmail(HttpSession session) {
		return (session.getAttribute(PendingEmailChange.SESSION_ATTRIBUTE) instanceof PendingEmailChange pending)
				? pending.email() : null;
	}

	@GetMapping(PATH)
	String show(Authentication citizen, @RequestParam(name = "changed", required = false) @Nullable String changed,
			Model model) {
		return page(account(this.accounts, citizen), Map.of(), Map.of(), changed, model);
	}

	@PostMapping(PATH + "/name")
	String changeName(Authentication citizen, @RequestParam(name = "fullName", defaultValue = "") String fullName,
			Model model, Locale locale) {
		Account account = account(this.accounts, citizen);
		FormErrors errors = new FormErrors(this.messages, locale);
		String name = fullName.strip().replaceAll("\\s+", " ");
		if (name.isEmpty()) {
			errors.add("fullName", "register.name.required");
		}
		else if (name.length() > MAX_NAME_LENGTH) {
			errors.add("fullName", "register.name.too-long", MAX_NAME_LENGTH);
		}
		else {
			try {
				if (this.registry.confirms(account.cnic(), name, account.birthDate())) {
					this.accounts.changeName(account.id(), name);
					this.changes.record(AuditEventType.NAME_CHANGED, account.id());
					return "redirect:" + PATH + "?changed=name";
				}
				errors.add("fullName", "profile.name.not-confirmed");
			}
			catch (RegistryUnavailableException ex) {
				log.warn("Name change stopped: {}", ex.getMessage());
				errors.add("fullName", "register.error.registry-unavailable");
			}
		}
		return page(account, Map.of("fullName", fullName), errors.byField(), null, model);
	}

	static String page(Account account, Map<String, String> form, Map<String, String> errors, @Nullable String changed,
			Model model) {
		model.addAttribute("account", account);
		model.addAttribute("mobile", (account.mobile() != null) ? account.mobile().national() : "");
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("changed",
				(changed != null && changed.matches("name|mobile|email|email-removed")) ? changed : null);
		return "account/profile/profile";
	}

	static Account account(AccountService accounts, Authentication citizen) {
		return accounts.findById(AccountId.parse(citizen.getName()))
			.orElseThrow(() -> new IllegalStateException("Signed-in account " + citizen.getName() + " not found"));
	}

}
