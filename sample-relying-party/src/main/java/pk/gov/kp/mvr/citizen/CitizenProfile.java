package pk.gov.kp.mvr.citizen;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * What Khyber Pass released about the signed-in citizen. {@code toString()} leaves the
 * CNIC out.
 *
 * @param name the full name ({@code profile} scope), or {@code null}
 * @param cnic the CNIC, only when the citizen consented to the {@code cnic} scope, else
 * {@code null}
 */
public record CitizenProfile(@Nullable String name, @Nullable String cnic) implements Serializable {

	/**
	 * Returns the profile without the CNIC.
	 * @return the description
	 */
	@Override
	public String toString() {
		return "CitizenProfile[name=" + ((this.name != null) ? "present" : "absent") + ", cnic="
				+ ((this.cnic != null) ? "consented" : "absent") + "]";
	}

}
