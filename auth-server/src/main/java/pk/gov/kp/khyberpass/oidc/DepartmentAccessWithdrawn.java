package pk.gov.kp.khyberpass.oidc;

/**
 * A citizen stopped sharing with a department: single logout signs the citizen out of
 * that department's service (a back-channel logout token naming the subject and no
 * session, which ends every session of the citizen there), as the connected-departments
 * page promises.
 *
 * @param participant the department and the subject it knows the citizen by, with no
 * session
 */
public record DepartmentAccessWithdrawn(SessionParticipant participant) {
}
