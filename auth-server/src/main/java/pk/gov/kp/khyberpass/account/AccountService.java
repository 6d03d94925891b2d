package pk.gov.kp.khyberpass.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pk.gov.kp.khyberpass.account.password.PasswordHasher;
import pk.gov.kp.khyberpass.cnic.Cnic;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The public face of citizen accounts: provisioning and look-up.
 */
public final class AccountService {

	private static final Logger log = LoggerFactory.getLogger(AccountService.class);

	private final AccountRepository repository;

	private final PasswordHasher hasher;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final SecureRandom random;

	AccountService(AccountRepository repository, PasswordHasher hasher, TransactionOperations transactions, Clock clock,
			SecureRandom random) {
		this.repository = repository;
		this.hasher = hasher;
		this.transactions = transactions;
		this.clock = clock;
		this.random = random;
	}

	/**
	 * Creates the account of the citizen with this CNIC, or brings an existing one up to
	 * date: name, birth date and mobile number are replaced, and the password is
	 * re-hashed only when it no longer matches (or its hash is weaker than the configured
	 * cost). Idempotent, so it can run at every start-up (the seed file) and on several
	 * nodes at once. The password policy is not applied here: this is an operator's path,
	 * not the citizen's.
	 * @param citizen what is known about the citizen
	 * @return the account's id
	 * @throws MobileNumberTakenException if the mobile number belongs to another account
	 */
	public AccountId provision(CitizenProvisioning citizen) {
		try {
			return provisionOnce(citizen);
		}
		catch (DuplicateKeyException ex) {
			// Another node created the same CNIC between our read and our insert: it is
			// now an update.
			return provisionOnce(citizen);
		}
	}

	/**
	 * Creates the account of a citizen who registered themselves. Unlike
	 * {@link #provision}, an existing account is never touched.
	 * @param registration the verified registration, with the password already hashed
	 * @return the new account's id
	 * @throws CnicAlreadyRegisteredException if the CNIC already has an account
	 * @throws MobileNumberTakenException if the mobile number belongs to another account
	 */
	public AccountId register(CitizenRegistration registration) {
		if (this.repository.findByCnic(registration.cnic()).isPresent()) {
			throw new CnicAlreadyRegisteredException(registration.cnic());
		}
		checkMobileFree(registration.mobile(), null);
		Instant now = this.clock.instant();
		AccountId id = AccountId.generate(this.random);
		try {
			this.transactions.executeWithoutResult((status) -> this.repository.insert(
					new Account(id, registration.cnic(), registration.fullName(), registration.birthDate(),
							registration.mobile(), null, AccountStatus.ACTIVE, now, now, now, false),
					registration.passwordHash()));
		}
		catch (DuplicateKeyException ex) {
			// Registered on another node between our checks and our insert.
			if (this.repository.findByCnic(registration.cnic()).isPresent()) {
				throw new CnicAlreadyRegisteredException(registration.cnic());
			}
			throw new MobileNumberTakenException(registration.mobile());
		}
		log.info("Registered account {}", id);
		return id;
	}

	/** The account of the citizen holding {@code cnic}. */
	public Optional<Account> findByCnic(Cnic cnic) {
		return this.repository.findByCnic(cnic).map(StoredAccount::account);
	}

	/** The account whose mobile number is {@code mobile}. */
	public Optional<Account> findByMobile(MobileNumber mobile) {
		return this.repository.findByMobile(mobile).map(StoredAccount::account);
	}

	/** The account with this id. */
	public Optional<Account> findById(AccountId id) {
		return this.repository.findById(id).map(StoredAccount::account);
	}

	/**
	 * Whether {@code password} is the account's current password. Costs one Argon2id
	 * computation even when the account does not exist.
	 */
	public boolean passwordMatches(AccountId id, String password) {
		Optional<StoredAccount> stored = this.repository.findById(id);
		return stored.isPresent() && this.hasher.verify(password, stored.get().passwordHash());
	}

	/**
	 * Replaces the password. The caller has applied the password policy and proved who
	 * the citizen is; the consequences (sessions, tokens, notice) are the caller's too.
	 */
	public void changePassword(AccountId id, String newPassword) {
		String hash = this.hasher.hash(newPassword);
		this.repository.changePassword(id, hash, this.clock.instant());
		log.info("Password changed for account {}", id);
	}

	/** Replaces the name; the caller has had it confirmed by the civil registry. */
	public void changeName(AccountId id, String fullName) {
		this.repository.updateName(id, fullName, this.clock.instant());
	}

	/**
	 * Replaces the mobile number; the caller has proved the citizen holds it.
	 * @throws MobileNumberTakenException if the number belongs to another account
	 */
	public void changeMobile(AccountId id, MobileNumber mobile) {
		checkMobileFree(mobile, id);
		try {
			this.repository.updateMobile(id, mobile, this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new MobileNumberTakenException(mobile);
		}
	}

	/** Replaces the e-mail address, or removes it with {@code null}. */
	public void changeEmail(AccountId id, @Nullable String email) {
		this.repository.updateEmail(id, email, this.clock.instant());
	}

	private AccountId provisionOnce(CitizenProvisioning citizen) {
		Optional<StoredAccount> existing = this.repository.findByCnic(citizen.cnic());
		// Hash outside the transaction: Argon2id takes tens of milliseconds and should
		// not hold a connection.
		PasswordUpdate password = existing.map((stored) -> passwordUpdate(citizen.password(), stored.passwordHash()))
			.orElseGet(() -> new PasswordUpdate(this.hasher.hash(citizen.password()), false));
		AccountId id = this.transactions
			.execute((status) -> existing.map((stored) -> update(stored.account().id(), citizen, password))
				.orElseGet(() -> create(citizen, Objects.requireNonNull(password.hash()))));
		return Objects.requireNonNull(id);
	}

	private PasswordUpdate passwordUpdate(String password, String storedHash) {
		if (!this.hasher.verify(password, storedHash)) {
			return new PasswordUpdate(this.hasher.hash(password), false);
		}
		return this.hasher.needsRehash(storedHash) ? new PasswordUpdate(this.hasher.hash(password), true)
				: new PasswordUpdate(null, true);
	}

	private AccountId create(CitizenProvisioning citizen, String passwordHash) {
		checkMobileFree(citizen.mobile(), null);
		Instant now = this.clock.instant();
		AccountId id = AccountId.generate(this.random);
		this.repository.insert(new Account(id, citizen.cnic(), citizen.fullName(), citizen.birthDate(),
				citizen.mobile(), null, AccountStatus.ACTIVE, now, now, now, false), passwordHash);
		log.info("Created account {}", id);
		return id;
	}

	private AccountId update(AccountId id, CitizenProvisioning citizen, PasswordUpdate password) {
		checkMobileFree(citizen.mobile(), id);
		Instant now = this.clock.instant();
		this.repository.updateProfile(id, citizen.fullName(), citizen.birthDate(), citizen.mobile(), now);
		String hash = password.hash();
		if (hash != null && password.samePassword()) {
			this.repository.rehashPassword(id, hash, now);
		}
		else if (hash != null) {
			this.repository.changePassword(id, hash, now);
		}
		log.info("Updated account {}{}", id, (hash != null && !password.samePassword()) ? " with a new password" : "");
		return id;
	}

	private void checkMobileFree(@Nullable MobileNumber mobile, @Nullable AccountId owner) {
		if (mobile != null && this.repository.findByMobile(mobile)
			.filter((other) -> !other.account().id().equals(owner))
			.isPresent()) {
			throw new MobileNumberTakenException(mobile);
		}
	}

	/**
	 * What to do with the stored password hash.
	 *
	 * @param hash the hash to store, or {@code null} to keep the stored one
	 * @param samePassword whether the password itself is unchanged (only the hash
	 * parameters changed)
	 */
	private record PasswordUpdate(@Nullable String hash, boolean samePassword) {
	}

}
