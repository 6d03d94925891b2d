package pk.gov.kp.khyberpass.oidc;

/**
 * No department client is registered with the given client id.
 */
public final class ClientNotFoundException extends RuntimeException {

	public ClientNotFoundException(String clientId) {
		super("No client " + clientId);
	}

}
