package pk.gov.kp.khyberpass.account.registration;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.CnicAlreadyRegisteredException;
import pk.gov.kp.khyberpass.account.EmailAddress;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.account.MobileNumberTakenException;
import pk.gov.kp.khyberpass.account.OtpChallenge;
import pk.gov.kp.khyberpass.account.OtpChallenges;
import pk.gov.kp.khyberpass.account.OtpOutcome;
import pk.gov.kp.khyberpass.account.OtpThrottledException;
import pk.gov.kp.khyberpass.account.password.PasswordHasher;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.notify.SmsGateway;
import pk.gov.kp.khyberpass.notify.SmsMessage;

/**
 * The registration steps: confirm the identity with the civil registry, send a code to
 * the mobile number, and create the account once the code comes back. The form's own
 * checks (formats, password policy) are the controller's.
 */
final class RegistrationService {

	private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

	private final CivilRegistry registry;

	private final AccountService accounts;

	private final PasswordHasher hasher;

	private final OtpChallenges otps;

	private final SmsGateway sms;

	RegistrationService(CivilRegistry registry, AccountService accounts, PasswordHasher hasher, OtpChallenges otps,
			SmsGateway sms) {
		this.registry = registry;
		this.accounts = accounts;
		this.hasher = hasher;
		this.otps = otps;
		this.sms = sms;
	}

	/**
	 * Starts a registration: the registry is asked first (so that the answer "already
	 * registered" is only given to someone who knows the CNIC's name and date of birth),
	 * then the code is sent.
	 * @throws RegistrationRefusedException if the identity is not confirmed, the CNIC or
	 * mobile is taken, or too many codes were sent
	 * @throws RegistryUnavailableException if the registry cannot answer
	 * @throws pk.gov.kp.khyberpass.notify.SmsDeliveryException if the code could not be
	 * sent
	 */
	PendingRegistration start(Cnic cnic, String fullName, LocalDate birthDate, MobileNumber mobile,
			@Nullable EmailAddress email, String password) {
		if (!this.registry.confirms(cnic, fullName, birthDate)) {
			log.debug("Registration for {} refused: not confirmed by the civil registry", cnic);
			throw new RegistrationRefusedException(RegistrationRefusedException.Reason.IDENTITY_NOT_CONFIRMED);
		}
		if (this.accounts.findByCnic(cnic).isPresent()) {
			throw new RegistrationRefusedException(RegistrationRefusedException.Reason.CNIC_REGISTERED);
		}
		if (this.accounts.findByMobile(mobile).isPresent()) {
			throw new RegistrationRefusedException(RegistrationRefusedException.Reason.MOBILE_TAKEN);
		}
		String passwordHash = this.hasher.hash(password);
		PendingRegistration pending = new PendingRegistration(cnic.digits(), fullName.strip().replaceAll("\\s+", " "),
				birthDate, mobile.e164(), passwordHash, "", (email != null) ? email.value() : null);
		return send(pending);
	}

	/**
	 * Sends a new code, replacing the pending one.
	 * @throws RegistrationRefusedException if too many codes were sent
	 */
	PendingRegistration resend(PendingRegistration pending) {
		return send(pending);
	}

	/**
	 * Checks the code and, when it is right, creates the account.
	 * @return the outcome; the account exists only after {@link OtpOutcome#ACCEPTED}, and
	 * then it is named
	 * @throws RegistrationRefusedException if the CNIC or mobile number was taken
	 * meanwhile
	 */
	Completion complete(PendingRegistration pending, String code) {
		OtpOutcome outcome = this.otps.verify(pending.challengeId(), code);
		if (outcome == OtpOutcome.ACCEPTED) {
			try {
				return new Completion(outcome, this.accounts.register(pending.toRegistration()));
			}
			catch (CnicAlreadyRegisteredException ex) {
				throw new RegistrationRefusedException(RegistrationRefusedException.Reason.CNIC_REGISTERED);
			}
			catch (MobileNumberTakenException ex) {
				throw new RegistrationRefusedException(RegistrationRefusedException.Reason.MOBILE_TAKEN);
			}
		}
		return new Completion(outcome, null);
	}

	/**
	 * What became of a registration code.
	 *
	 * @param outcome the code's outcome
	 * @param account the new account, only when the code was accepted
	 */
	record Completion(OtpOutcome outcome, @Nullable AccountId account) {
	}

	private PendingRegistration send(PendingRegistration pending) {
		OtpChallenge challenge;
		try {
			challenge = this.otps.issue(pending.mobileNumber());
		}
		catch (OtpThrottledException ex) {
			throw new RegistrationRefusedException(RegistrationRefusedException.Reason.TOO_MANY_CODES);
		}
		this.sms.send(new SmsMessage(pending.mobile(), "Khyber Pass code: " + challenge.code()
				+ ". It expires in 5 minutes. Never share it, not even with government staff."));
		return pending.withChallenge(challenge.id());
	}

}
