/**
 * The signed-in citizen's own details: name (confirmed by the civil registry), mobile
 * number (proved by a code to the new number), e-mail address (proved by a code to the
 * new address) and password.
 */
@NullMarked
package pk.gov.kp.khyberpass.account.profile;

import org.jspecify.annotations.NullMarked;
