package pk.gov.kp.khyberpass.account.recovery;

import java.io.Serializable;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A recovery in progress, kept in the HTTP session: the code's challenge and, only on the
 * server, the account it is for ({@code null} when the CNIC and date of birth matched no
 * account: the challenge is then a decoy).
 *
 * @param challengeId the one-time code's challenge
 * @param accountId the account being recovered, or {@code null}
 * @param verifiedAt when the code was proven, or {@code null} while it is not
 */
record PendingRecovery(String challengeId, @Nullable String accountId,
		@Nullable Instant verifiedAt) implements Serializable {

	static final String SESSION_ATTRIBUTE = PendingRecovery.class.getName();

	PendingRecovery verified(Instant at) {
		return new PendingRecovery(this.challengeId, this.accountId, at);
	}

	@Override
	public String toString() {
		return "PendingRecovery[verified=" + (this.verifiedAt != null) + "]";
	}

}
