/**
 * Spring Security integration of Khyber Pass: browser sign-in and logout, bearer-token
 * protection of the API, assurance levels with step-up, and back-channel logout.
 */
@NullMarked
package pk.gov.kp.khyberpass.sdk.spring.security;

import org.jspecify.annotations.NullMarked;
