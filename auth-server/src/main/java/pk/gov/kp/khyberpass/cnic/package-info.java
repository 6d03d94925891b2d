/**
 * The CNIC value type: validation, masking, encryption at rest and the keyed blind index.
 */
@NullMarked
package pk.gov.kp.khyberpass.cnic;

import org.jspecify.annotations.NullMarked;
