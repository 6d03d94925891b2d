package pk.gov.kp.khyberpass.oidc;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.keys.KeyedHash;
import pk.gov.kp.khyberpass.keys.MasterKey;

/**
 * Subject identifiers per department sector (OpenID Connect Core §8.1): the same citizen
 * gets a different, stable {@code sub} in each sector, so departments cannot join their
 * records on it. Clients allowed the public identifier get the account id itself.
 */
@Component
public final class PairwiseSubjects {

	private final KeyedHash hash;

	PairwiseSubjects(MasterKey masterKey) {
		this.hash = masterKey.keyedHash("pairwise-subject");
	}

	/**
	 * The {@code sub} that {@code client} sees for the account named {@code accountId}.
	 */
	public String subjectFor(RegisteredClient client, String accountId) {
		if (KhyberPassClientSettings.publicSubject(client)) {
			return accountId;
		}
		return pairwise(KhyberPassClientSettings.sector(client), accountId);
	}

	String pairwise(String sector, String accountId) {
		return this.hash.base64Url(sector + '\n' + accountId);
	}

}
