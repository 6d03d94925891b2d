package pk.gov.kp.khyberpass.mfa.passkey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.mfa.passkey.PasskeyChallenges.Purpose;

/**
 * The public face of passkeys: whether a citizen has one, and the citizen's own
 * management of them (add with a name, rename, remove). Signing in and stepping up with a
 * passkey are in {@link PasskeyAssertions}.
 */
public class Passkeys {

	/** The longest name a citizen may give a passkey. */
	public static final int MAX_NAME_LENGTH = 64;

	private static final Logger log = LoggerFactory.getLogger(Passkeys.class);

	private final PasskeyRepository repository;

	private final PasskeyCeremonies ceremonies;

	private final PasskeyNotifications notifications;

	private final PasskeyProperties properties;

	private final Clock clock;

	private final SecureRandom random;

	Passkeys(PasskeyRepository repository, PasskeyCeremonies ceremonies, PasskeyNotifications notifications,
			PasskeyProperties properties, Clock clock, SecureRandom random) {
		this.repository = repository;
		this.ceremonies = ceremonies;
		this.notifications = notifications;
		this.properties = properties;
		this.clock = clock;
		this.random = random;
	}

	/** Whether the citizen can sign in or step up with a passkey. */
	public boolean hasPasskey(AccountId account) {
		return this.repository.count(account) > 0;
	}

	List<StoredPasskey> list(AccountId account) {
		return this.repository.findAll(account);
	}

	/**
	 * Options for {@code navigator.credentials.create()}: a fresh challenge, our passkeys
	 * excluded.
	 */
	PasskeyOptions.Creation startRegistration(Account account) {
		byte[] challenge = this.ceremonies.challenges().issue(Purpose.REGISTRATION, account.id());
		RelyingParty rp = this.ceremonies.relyingParty();
		String label = account.cnic().masked();
		return new PasskeyOptions.Creation(encode(challenge), new PasskeyOptions.Rp(rp.id(), rp.name()),
				new PasskeyOptions.User(encode(userHandle(account.id())), label, label),
				PasskeyCeremonies.ALGORITHMS.stream()
					.map((parameter) -> new PasskeyOptions.Parameter("public-key", parameter.getAlg().getValue()))
					.toList(),
				this.properties.challengeTtl().toMillis(), "none", PasskeyOptions.Selection.PASSKEY,
				descriptors(account.id()));
	}

	/**
	 * Verifies and stores a new passkey, then audits it and tells the citizen by SMS.
	 * @throws PasskeyRefusedException if the ceremony fails, the name is unusable
	 * ({@code name}) or the account holds the most passkeys allowed ({@code limit})
	 */
	@Transactional
	public UUID register(Account account, @Nullable String name, PasskeyJson.Attestation credential) {
		String cleanName = cleanName(name).orElseThrow(() -> new PasskeyRefusedException("name"));
		if (this.repository.count(account.id()) >= this.properties.maxPerAccount()) {
			throw new PasskeyRefusedException("limit");
		}
		PasskeyCeremonies.NewPasskey passkey = this.ceremonies.verifyRegistration(credential, account.id());
		if (this.repository.findByCredentialId(passkey.credentialId()).isPresent()) {
			throw new PasskeyRefusedException("duplicate");
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.repository.insert(id, account.id(), passkey, cleanName, now);
		log.info("Account {} added passkey {}", account.id(), id);
		this.notifications.added(account, this.repository.find(account.id(), id).orElseThrow());
		return id;
	}

	/**
	 * Renames one of the account's passkeys; returns whether it exists and the name was
	 * usable.
	 */
	@Transactional
	public boolean rename(AccountId account, UUID passkey, @Nullable String name) {
		Optional<String> clean = cleanName(name);
		return clean.isPresent() && this.repository.rename(account, passkey, clean.get());
	}

	/**
	 * Removes one of the account's passkeys (audited, SMS); returns whether it existed.
	 */
	@Transactional
	public boolean remove(Account account, UUID passkey) {
		Optional<StoredPasskey> found = this.repository.find(account.id(), passkey);
		if (found.isEmpty() || !this.repository.delete(account.id(), passkey)) {
			return false;
		}
		log.info("Account {} removed passkey {}", account.id(), passkey);
		this.notifications.removed(account, found.get());
		return true;
	}

	Optional<StoredPasskey> find(AccountId account, UUID passkey) {
		return this.repository.find(account, passkey);
	}

	List<PasskeyOptions.Descriptor> descriptors(AccountId account) {
		return this.repository.findAll(account)
			.stream()
			.map((passkey) -> new PasskeyOptions.Descriptor("public-key", encode(passkey.credentialId()),
					passkey.transports()))
			.toList();
	}

	/**
	 * The account's user handle: 32 random bytes, made at its first passkey, the same for
	 * all of them.
	 */
	private byte[] userHandle(AccountId account) {
		Optional<byte[]> existing = this.repository.userHandle(account);
		if (existing.isPresent()) {
			return existing.get();
		}
		byte[] handle = new byte[32];
		this.random.nextBytes(handle);
		try {
			this.repository.insertUserHandle(account, handle);
			return handle;
		}
		catch (DuplicateKeyException ex) {
			return this.repository.userHandle(account).orElseThrow();
		}
	}

	/** A name without control characters, 1 to 64 characters after trimming. */
	static Optional<String> cleanName(@Nullable String name) {
		if (name == null) {
			return Optional.empty();
		}
		String clean = name.replaceAll("\\p{Cntrl}", " ").strip();
		return (clean.isEmpty() || clean.length() > MAX_NAME_LENGTH) ? Optional.empty() : Optional.of(clean);
	}

	static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
