package pk.gov.kp.khyberpass.oidc;

/**
 * The client authenticates without a secret ({@code private_key_jwt} or {@code none}), so
 * it has no secret to rotate.
 */
public final class ClientSecretNotUsedException extends RuntimeException {

	public ClientSecretNotUsedException(String clientId) {
		super("Client " + clientId + " does not authenticate with a secret");
	}

}
