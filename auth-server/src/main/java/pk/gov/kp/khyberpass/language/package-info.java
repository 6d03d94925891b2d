/**
 * The citizen's language: English, Urdu or Pashto, chosen by the switcher on every page
 * or by a department's {@code ui_locales}, remembered per browser in a cookie.
 */
@NullMarked
package pk.gov.kp.khyberpass.language;

import org.jspecify.annotations.NullMarked;
