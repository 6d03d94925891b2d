package pk.gov.kp.khyberpass.account.password;

import java.util.List;

/**
 * A proposed password with what the policy needs to judge it. {@link #toString()} hides
 * the password.
 *
 * @param password the password, already NFKC-normalised
 * @param setting whether it will be the only factor
 * @param contextWords words the password must not contain: the citizen's CNIC, mobile
 * number, name parts
 */
public record PasswordCandidate(String password, FactorSetting setting, List<String> contextWords) {

	public PasswordCandidate {
		contextWords = List.copyOf(contextWords);
	}

	/** The length as people count it: Unicode code points. */
	public int length() {
		return this.password.codePointCount(0, this.password.length());
	}

	@Override
	public String toString() {
		return "PasswordCandidate[setting=" + this.setting + "]";
	}

}
