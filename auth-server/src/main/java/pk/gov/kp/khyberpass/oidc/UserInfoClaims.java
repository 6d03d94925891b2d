package pk.gov.kp.khyberpass.oidc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;

/**
 * The UserInfo response (OpenID Connect Core §5.3): the department's {@code sub} and the
 * claims of the scopes the citizen authorized. The {@code cnic} claim is released only
 * under the {@code cnic} scope, which a department gets only with the citizen's consent.
 * A client with {@code claims-allowed} gets only those of them.
 */
final class UserInfoClaims implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

	private final AccountService accounts;

	private final RegisteredClientRepository clients;

	private final PairwiseSubjects subjects;

	UserInfoClaims(AccountService accounts, RegisteredClientRepository clients, PairwiseSubjects subjects) {
		this.accounts = accounts;
		this.clients = clients;
		this.subjects = subjects;
	}

	@Override
	public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
		OAuth2Authorization authorization = context.getAuthorization();
		RegisteredClient client = this.clients.findById(authorization.getRegisteredClientId());
		Account account = this.accounts.findById(AccountId.parse(authorization.getPrincipalName()))
			.orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN));
		if (client == null) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
		}
		Set<String> scopes = authorization.getAuthorizedScopes();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", this.subjects.subjectFor(client, authorization.getPrincipalName()));
		if (scopes.contains("profile")) {
			claims.put("name", account.fullName());
			claims.put("birthdate", account.birthDate().toString());
		}
		if (scopes.contains("phone") && account.mobile() != null) {
			claims.put("phone_number", account.mobile().e164());
		}
		if (scopes.contains("cnic")) {
			claims.put("cnic", account.cnic().formatted());
		}
		KhyberPassClientSettings.claimsAllowed(client)
			.ifPresent((allowed) -> ReleasableClaims.retainAllowed(claims, allowed));
		return new OidcUserInfo(claims);
	}

}
