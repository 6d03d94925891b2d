package pk.gov.kp.mvr.citizen;

import java.io.Serializable;

import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException;
import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;
import pk.gov.kp.khyberpass.sdk.UserInfo;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassAuthentication;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassCitizenTokens;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassUser;

/**
 * Fetches the citizen's claims from Khyber Pass's UserInfo endpoint once per sign-in and
 * keeps them in the session: Khyber Pass puts only identifiers and assurance in the ID
 * token, and the profile and CNIC claims (as consented) in UserInfo.
 */
@Service
public final class CitizenProfiles {

	private static final Logger log = LoggerFactory.getLogger(CitizenProfiles.class);

	private static final String ATTRIBUTE = CitizenProfiles.class.getName();

	private final KhyberPassCitizenTokens citizenTokens;

	CitizenProfiles(KhyberPassCitizenTokens citizenTokens) {
		this.citizenTokens = citizenTokens;
	}

	/**
	 * Returns the profile of the signed-in citizen.
	 * @param authentication the sign-in
	 * @param session the citizen's session, where the profile is kept
	 * @return the profile; without claims when Khyber Pass could not be asked
	 */
	public CitizenProfile of(KhyberPassAuthentication authentication, HttpSession session) {
		KhyberPassUser user = authentication.getPrincipal();
		if (session.getAttribute(ATTRIBUTE) instanceof Cached cached && cached.idToken().equals(user.idToken())) {
			return cached.profile();
		}
		CitizenProfile profile = fetch(authentication);
		session.setAttribute(ATTRIBUTE, new Cached(user.idToken(), profile));
		return profile;
	}

	private CitizenProfile fetch(KhyberPassAuthentication authentication) {
		KhyberPassUser user = authentication.getPrincipal();
		try {
			UserInfo info = this.citizenTokens.userInfo();
			return new CitizenProfile(info.string("name").orElse(user.name()), info.string("cnic").orElse(null));
		}
		catch (InvalidTokenException | KhyberPassClientException ex) {
			log.warn("UserInfo for subject {} failed: {}", user.subject(), ex.getMessage());
			return new CitizenProfile(user.name(), null);
		}
	}

	/** The profile of one sign-in, recognised by its ID token. */
	private record Cached(String idToken, CitizenProfile profile) implements Serializable {
	}

}
