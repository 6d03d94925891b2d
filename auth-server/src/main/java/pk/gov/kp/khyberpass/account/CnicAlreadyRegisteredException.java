package pk.gov.kp.khyberpass.account;

import pk.gov.kp.khyberpass.cnic.Cnic;

/**
 * A citizen tried to register a CNIC that already has an account. The message carries
 * only the masked CNIC.
 */
public final class CnicAlreadyRegisteredException extends RuntimeException {

	/** Names the CNIC, masked. */
	public CnicAlreadyRegisteredException(Cnic cnic) {
		super("CNIC " + cnic.masked() + " already has an account");
	}

}
