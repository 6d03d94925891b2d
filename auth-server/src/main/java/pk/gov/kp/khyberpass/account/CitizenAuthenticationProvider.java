package pk.gov.kp.khyberpass.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pk.gov.kp.khyberpass.account.password.PasswordHasher;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.cnic.InvalidCnicException;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Signs citizens in with their CNIC or mobile number and password (form login,
 * {@code urn:kp:loa:1}).
 * <p>
 * The password is checked before the account's status, and an unknown or unparseable
 * username still costs one Argon2id computation against a dummy hash, so neither the
 * answer nor its timing tells whether an account exists. Every failure is the same
 * {@link BadCredentialsException}; a locked or disabled account, or one whose password an
 * administrator expired (forced reset), is refused only after the right password. On
 * success the principal is the account id (never the CNIC) with the authorities
 * {@code ROLE_CITIZEN} and {@code FACTOR_PASSWORD}, and a hash below the configured cost
 * is replaced.
 */
public final class CitizenAuthenticationProvider implements AuthenticationProvider {

	/** The authority every signed-in citizen holds. */
	public static final String CITIZEN_AUTHORITY = "ROLE_CITIZEN";

	static final String BAD_CREDENTIALS = "Bad credentials";

	private static final Logger log = LoggerFactory.getLogger(CitizenAuthenticationProvider.class);

	private final AccountRepository repository;

	private final PasswordHasher hasher;

	private final Clock clock;

	private final String dummyHash;

	CitizenAuthenticationProvider(AccountRepository repository, PasswordHasher hasher, Clock clock,
			SecureRandom random) {
		this.repository = repository;
		this.hasher = hasher;
		this.clock = clock;
		byte[] dummy = new byte[32];
		random.nextBytes(dummy);
		this.dummyHash = hasher.hash(HexFormat.of().formatHex(dummy));
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		Object credentials = authentication.getCredentials();
		String password = (credentials instanceof String text) ? text : "";
		Optional<StoredAccount> found = lookUp(username);
		String hash = found.map(StoredAccount::passwordHash).orElse(this.dummyHash);
		boolean matches = this.hasher.verify(password, hash);
		if (found.isEmpty() || !matches || password.isEmpty()) {
			log.debug("Refused sign-in: {}", found.isEmpty() ? "unknown account" : "wrong password");
			throw new BadCredentialsException(BAD_CREDENTIALS);
		}
		Account account = found.get().account();
		checkStatus(account);
		if (account.passwordResetRequired()) {
			log.debug("Refused sign-in of account {}: an administrator forced a password reset", account.id());
			throw new CredentialsExpiredException("Password reset required");
		}
		rehashIfWeaker(account.id(), password, hash);
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken
			.authenticated(account.id().toString(), null, authorities());
		result.setDetails(authentication.getDetails());
		log.debug("Signed in account {} with a password", account.id());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private Optional<StoredAccount> lookUp(String username) {
		try {
			return this.repository.findByCnic(Cnic.parse(username));
		}
		catch (InvalidCnicException notCnic) {
			try {
				return this.repository.findByMobile(MobileNumber.parse(username));
			}
			catch (InvalidMobileNumberException notMobile) {
				return Optional.empty();
			}
		}
	}

	private static void checkStatus(Account account) {
		switch (account.status()) {
			case ACTIVE -> {
			}
			case LOCKED -> {
				log.debug("Refused sign-in of locked account {}", account.id());
				throw new LockedException("Account locked");
			}
			case DISABLED -> {
				log.debug("Refused sign-in of disabled account {}", account.id());
				throw new DisabledException("Account disabled");
			}
		}
	}

	private void rehashIfWeaker(AccountId id, String password, String hash) {
		if (!this.hasher.needsRehash(hash)) {
			return;
		}
		try {
			this.repository.rehashPassword(id, this.hasher.hash(password), this.clock.instant());
			log.info("Re-hashed the password of account {} at the configured cost", id);
		}
		catch (DataAccessException ex) {
			log.warn("Could not re-hash the password of account {}; will retry at the next sign-in", id, ex);
		}
	}

	private List<GrantedAuthority> authorities() {
		return List.of(new SimpleGrantedAuthority(CITIZEN_AUTHORITY),
				FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
					.issuedAt(this.clock.instant())
					.build());
	}

}
