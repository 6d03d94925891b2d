package pk.gov.kp.khyberpass.audit;

/**
 * What an {@link AuditEvent} records. Stored by name: rename a constant only with a
 * migration.
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

	/**
	 * A citizen generated a new set of recovery codes; the earlier ones stopped working.
	 */
	RECOVERY_CODES_GENERATED,

	/** A citizen granted a department consent to scopes. */
	CONSENT_GRANTED,

	/**
	 * The citizen withdrew a consent; the department's refresh tokens for the citizen
	 * were revoked.
	 */
	CONSENT_WITHDRAWN,

	/**
	 * A token family was revoked (for example because a spent refresh token was
	 * replayed).
	 */
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

	/**
	 * Password recovery was asked for an existing account and a code sent to its mobile
	 * number.
	 */
	RECOVERY_STARTED,

	/**
	 * The password was reset through recovery; every session and refresh token of the
	 * account ended.
	 */
	PASSWORD_RESET,

	/** The citizen changed their password in the account area. */
	PASSWORD_CHANGED,

	/** The citizen's name changed (confirmed by the civil registry). */
	NAME_CHANGED,

	/** The citizen's mobile number changed (the new one proved by a code). */
	MOBILE_CHANGED,

	/** The citizen's e-mail address was set, changed or removed. */
	EMAIL_CHANGED,

	/**
	 * The citizen signed out one of their sessions, or all others, from the account area.
	 */
	SESSIONS_ENDED,

	/** An administrator unlocked an account. */
	ACCOUNT_UNLOCKED,

	/**
	 * An administrator expired an account's password: the citizen must reset it through
	 * recovery.
	 */
	PASSWORD_RESET_FORCED,

	/** An administrator removed every second factor of an account. */
	SECOND_FACTORS_RESET,

	/**
	 * An administrator ended every session of an account and revoked its token families.
	 */
	SESSIONS_REVOKED,

	/**
	 * An administrator searched citizens (the details name the criterion, never its
	 * value).
	 */
	CITIZEN_SEARCHED,

	/** An administrator viewed a citizen's account (CNIC masked). */
	CITIZEN_VIEWED,

	/** An administrator saw a citizen's CNIC in the clear, for the reason recorded. */
	CNIC_REVEALED,

	/** An administrator created a department client. */
	CLIENT_CREATED,

	/** An administrator changed a department client's settings. */
	CLIENT_UPDATED,

	/** An administrator disabled a department client; its token families were revoked. */
	CLIENT_DISABLED,

	/** An administrator enabled a department client again. */
	CLIENT_ENABLED,

	/**
	 * An administrator deleted a department client with its consents and token families.
	 */
	CLIENT_DELETED,

	/**
	 * An administrator rotated a client's secret (the details say until when the previous
	 * one works).
	 */
	CLIENT_SECRET_ROTATED,

	/**
	 * A department API scope and its consent description were registered (by an
	 * administrator, or by the seed file with actor {@code system}); the details name the
	 * languages it is described in.
	 */
	API_SCOPE_CREATED,

	/**
	 * An API scope's consent description changed; the details name the descriptions that
	 * changed.
	 */
	API_SCOPE_UPDATED,

	/**
	 * An administrator deleted an API scope's description: the consent page shows the
	 * scope's name again.
	 */
	API_SCOPE_DELETED,

	/** An administrator ordered a signing key rotation. */
	SIGNING_KEY_ROTATION_ORDERED,

	/** An administrator ordered a signing key out of the JWKS. */
	SIGNING_KEY_RETIREMENT_ORDERED,

	/** An administrator exported the audit log. */
	AUDIT_EXPORTED,

	/**
	 * An administrator role was granted (by an administrator, or by the bootstrap at
	 * first start).
	 */
	ADMIN_ROLE_GRANTED,

	/** An administrator role was withdrawn. */
	ADMIN_ROLE_REVOKED

}
