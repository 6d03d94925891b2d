/**
 * The citizen's recent account activity, read from the audit log.
 */
@NullMarked
package pk.gov.kp.khyberpass.account.activity;

import org.jspecify.annotations.NullMarked;
