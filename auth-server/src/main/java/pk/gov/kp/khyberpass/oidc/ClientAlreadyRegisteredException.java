package pk.gov.kp.khyberpass.oidc;

/**
 * A department client with the given client id is already registered.
 */
public final class ClientAlreadyRegisteredException extends RuntimeException {

	public ClientAlreadyRegisteredException(String clientId) {
		super("Client " + clientId + " is already registered");
	}

}
