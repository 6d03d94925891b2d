package pk.gov.kp.khyberpass.mfa.passkey;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;

/**
 * The citizen's passkeys in the account area: the list, adding one (the page's script
 * runs the WebAuthn ceremony against the two JSON endpoints), renaming, and removing
 * after a confirmation page.
 */
@Controller
final class PasskeyAccountController {

	static final String PATH = "/account/security/passkeys";

	private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");

	private final Passkeys passkeys;

	private final AccountService accounts;

	PasskeyAccountController(Passkeys passkeys, AccountService accounts) {
		this.passkeys = passkeys;
		this.accounts = accounts;
	}

	@GetMapping(PATH)
	String page(@RequestParam(name = "added", required = false) @Nullable String added,
			@RequestParam(name = "removed", required = false) @Nullable String removed,
			@RequestParam(name = "renamed", required = false) @Nullable String renamed, Authentication authentication,
			Model model) {
		model.addAttribute("passkeys", rows(account(authentication)));
		model.addAttribute("added", added != null);
		model.addAttribute("removed", removed != null);
		model.addAttribute("renamed", renamed != null);
		model.addAttribute("renameFailed", false);
		return "mfa/passkeys";
	}

	@PostMapping(path = PATH + "/options", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	PasskeyOptions.Creation options(Authentication authentication) {
		return this.passkeys.startRegistration(signedIn(authentication));
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, String>> register(@RequestBody PasskeyJson.Registration registration,
			Authentication authentication) {
		if (registration.credential() == null) {
			return ResponseEntity.badRequest().body(Map.of("error", "refused"));
		}
		try {
			this.passkeys.register(signedIn(authentication), registration.name(), registration.credential());
			return ResponseEntity.ok(Map.of("redirect", PATH + "?added"));
		}
		catch (PasskeyRefusedException ex) {
			String error = switch (ex.reason()) {
				case "name", "limit" -> ex.reason();
				default -> "refused";
			};
			return ResponseEntity.badRequest().body(Map.of("error", error));
		}
	}

	@PostMapping(PATH + "/{id}/name")
	String rename(@PathVariable("id") UUID id, @RequestParam(name = "name", required = false) @Nullable String name,
			Authentication authentication, Model model) {
		AccountId account = account(authentication);
		if (this.passkeys.rename(account, id, name)) {
			return "redirect:" + PATH + "?renamed";
		}
		this.passkeys.find(account, id).orElseThrow(PasskeyAccountController::notFound);
		model.addAttribute("passkeys", rows(account));
		model.addAttribute("added", false);
		model.addAttribute("removed", false);
		model.addAttribute("renamed", false);
		model.addAttribute("renameFailed", true);
		model.addAttribute("failedId", id);
		return "mfa/passkeys";
	}

	@GetMapping(PATH + "/{id}/remove")
	String confirmRemoval(@PathVariable("id") UUID id, Authentication authentication, Model model) {
		model.addAttribute("passkey",
				this.passkeys.find(account(authentication), id).orElseThrow(PasskeyAccountController::notFound));
		return "mfa/passkey-remove";
	}

	@PostMapping(PATH + "/{id}/remove")
	String remove(@PathVariable("id") UUID id, Authentication authentication) {
		if (!this.passkeys.remove(signedIn(authentication), id)) {
			throw notFound();
		}
		return "redirect:" + PATH + "?removed";
	}

	private List<Row> rows(AccountId account) {
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale())
			.withZone(PAKISTAN);
		return this.passkeys.list(account)
			.stream()
			.map((passkey) -> new Row(passkey.id(), passkey.name(), format.format(passkey.createdAt()),
					(passkey.lastUsedAt() != null) ? format.format(passkey.lastUsedAt()) : null))
			.toList();
	}

	private Account signedIn(Authentication authentication) {
		return this.accounts.findById(account(authentication)).orElseThrow(PasskeyAccountController::notFound);
	}

	private static AccountId account(Authentication authentication) {
		return AccountId.parse(authentication.getName());
	}

	/** One passkey as the list shows it, times in Pakistan Standard Time. */
	record Row(UUID id, String name, String createdAt, @Nullable String lastUsedAt) {
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
	}

}
