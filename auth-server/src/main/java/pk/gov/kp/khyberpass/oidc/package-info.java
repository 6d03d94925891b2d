/**
 * The OpenID Provider: Spring Authorization Server configuration, department clients,
 * token storage and claims, pairwise subjects, prompt handling.
 */
@NullMarked
package pk.gov.kp.khyberpass.oidc;

import org.jspecify.annotations.NullMarked;
