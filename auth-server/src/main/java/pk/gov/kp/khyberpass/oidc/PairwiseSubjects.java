package pk.gov.kp.khyberpass.oidc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.keys.MasterKey;

/**
 * Subject identifiers per department sector (OpenID Connect Core §8.1): the same citizen gets a different,
 * stable {@code sub} in each sector, so departments cannot join their records on it. Clients allowed the
 * public identifier get the account id itself.
 */
@Component
public final class PairwiseSubjects {

	private final SecretKey key;

	PairwiseSubjects(MasterKey masterKey) {
		this.key = masterKey.derive("pairwise-subject", "HmacSHA256");
	}

	/** The {@code sub} that {@code client} sees for the account named {@code accountId}. */
	public String subjectFor(RegisteredClient client, String accountId) {
		if (KhyberPassClientSettings.publicSubject(client)) {
			return accountId;
		}
		return pairwise(KhyberPassClientSettings.sector(client), accountId);
	}

	String pairwise(String sector, String accountId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			byte[] digest = mac.doFinal((sector + '\n' + accountId).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 is not available", ex);
		}
	}

}
