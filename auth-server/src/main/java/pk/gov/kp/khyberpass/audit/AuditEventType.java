package pk.gov.kp.khyberpass.audit;

/**
 * What an {@link AuditEvent} records. Stored by name: rename a constant only with a migration.
 */
public enum AuditEventType {

	/** A citizen signed in with their password. */
	SIGN_IN_SUCCEEDED,

	/** A sign-in was refused (bad credentials, throttled, disabled). */
	SIGN_IN_FAILED,

	/** A sign-in was refused because the account is locked. */
	SIGN_IN_LOCKED,

	/** A second factor was accepted. */
	SECOND_FACTOR_SUCCEEDED,

	/** A second factor was refused. */
	SECOND_FACTOR_FAILED,

	/** A citizen added a second factor (detail {@code factor}). */
	SECOND_FACTOR_ENROLLED,

	/** A citizen removed a second factor (detail {@code factor}). */
	SECOND_FACTOR_REMOVED,

	/** A citizen generated a new set of recovery codes; the earlier ones stopped working. */
	RECOVERY_CODES_GENERATED,

	/** A citizen granted a department consent to scopes. */
	CONSENT_GRANTED,

	/** The citizen withdrew a consent; the department's refresh tokens for the citizen were revoked. */
	CONSENT_WITHDRAWN,

	/** A token family was revoked (for example because a spent refresh token was replayed). */
	TOKEN_FAMILY_REVOKED,

	/** A department client was registered or its registration updated. */
	CLIENT_REGISTERED,

	/** Signing keys rotated. */
	SIGNING_KEY_ROTATED,

	/** A signing key left the JWKS. */
	SIGNING_KEY_RETIRED,

	/** An account was locked. */
	ACCOUNT_LOCKED,

	/** A citizen added a passkey. */
	PASSKEY_REGISTERED,

	/** A citizen removed a passkey. */
	PASSKEY_REMOVED,

	/** A passkey assertion (sign-in or step-up) was refused. */
	PASSKEY_ASSERTION_FAILED,

	/** Password recovery was asked for an existing account and a code sent to its mobile number. */
	RECOVERY_STARTED,

	/** The password was reset through recovery; every session and refresh token of the account ended. */
	PASSWORD_RESET,

	/** The citizen changed their password in the account area. */
	PASSWORD_CHANGED,

	/** The citizen's name changed (confirmed by the civil registry). */
	NAME_CHANGED,

	/** The citizen's mobile number changed (the new one proved by a code). */
	MOBILE_CHANGED,

	/** The citizen's e-mail address was set, changed or removed. */
	EMAIL_CHANGED,

	/** The citizen signed out one of their sessions, or all others, from the account area. */
	SESSIONS_ENDED

}
