package pk.gov.kp.khyberpass.sdk.spring.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;

/**
 * Assurance levels required on request paths. Declare a bean and the starter enforces it
 * (with the {@code khyberpass.assurance.paths} property rules): a browser session below
 * the level steps up at Khyber Pass, an API request with a weaker token gets HTTP 401
 * {@code insufficient_user_authentication}.
 *
 * <pre>{@code
 * &#64;Bean
 * KhyberPassAssurance assurance() {
 *     return KhyberPassAssurance.require("urn:kp:loa:2").on("/pay/**", "/api/payments/**")
 *         .andRequire("urn:kp:loa:3").on("/admin/**");
 * }
 * }</pre>
 *
 * Immutable and thread-safe; when several rules match, the highest level applies.
 */
public final class KhyberPassAssurance {

	private static final KhyberPassAssurance NONE = new KhyberPassAssurance(List.of());

	private final List<Rule> rules;

	private KhyberPassAssurance(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	/**
	 * Returns rules requiring nothing.
	 * @return the empty rules, never {@code null}
	 */
	public static KhyberPassAssurance none() {
		return NONE;
	}

	/**
	 * Starts a rule requiring this level.
	 * @param acr {@code urn:kp:loa:1}, {@code urn:kp:loa:2} or {@code urn:kp:loa:3}
	 * @return the rule, to complete with {@link Requirement#on(String...)}
	 * @throws IllegalArgumentException if {@code acr} is not a Khyber Pass level
	 */
	public static Requirement require(String acr) {
		return NONE.andRequire(acr);
	}

	/**
	 * Starts a rule requiring this level.
	 * @param level the level, not {@code null}
	 * @return the rule, to complete with {@link Requirement#on(String...)}
	 */
	public static Requirement require(AssuranceLevel level) {
		return NONE.andRequire(level);
	}

	/**
	 * Starts one more rule.
	 * @param acr {@code urn:kp:loa:1}, {@code urn:kp:loa:2} or {@code urn:kp:loa:3}
	 * @return the rule, to complete with {@link Requirement#on(String...)}
	 * @throws IllegalArgumentException if {@code acr} is not a Khyber Pass level
	 */
	public Requirement andRequire(String acr) {
		return andRequire(level(acr, "KhyberPassAssurance.require"));
	}

	/**
	 * Starts one more rule.
	 * @param level the level, not {@code null}
	 * @return the rule, to complete with {@link Requirement#on(String...)}
	 */
	public Requirement andRequire(AssuranceLevel level) {
		return new Requirement(this, Objects.requireNonNull(level, "level"));
	}

	/**
	 * Combines these rules with others.
	 * @param other the other rules, not {@code null}
	 * @return the combined rules, never {@code null}
	 */
	public KhyberPassAssurance and(KhyberPassAssurance other) {
		List<Rule> combined = new ArrayList<>(this.rules);
		combined.addAll(other.rules);
		return new KhyberPassAssurance(combined);
	}

	/**
	 * Returns the highest level required for a request.
	 * @param request the request, not {@code null}
	 * @return the level, empty when no rule matches
	 */
	public Optional<AssuranceLevel> requiredFor(HttpServletRequest request) {
		AssuranceLevel highest = null;
		for (Rule rule : this.rules) {
			if ((highest == null || rule.level().compareTo(highest) > 0) && rule.matcher().matches(request)) {
				highest = rule.level();
			}
		}
		return Optional.ofNullable(highest);
	}

	/**
	 * Returns whether there are no rules.
	 * @return {@code true} when nothing is required
	 */
	public boolean isEmpty() {
		return this.rules.isEmpty();
	}

	@Override
	public String toString() {
		return "KhyberPassAssurance"
				+ this.rules.stream().map((rule) -> rule.level().value() + " on " + rule.pattern()).toList();
	}

	static AssuranceLevel level(String acr, String where) {
		return AssuranceLevel.fromValue(Objects.requireNonNull(acr, "acr"))
			.orElseThrow(() -> new IllegalArgumentException(where + "(\"" + acr + "\"): not a Khyber Pass assurance "
					+ "level; use urn:kp:loa:1, urn:kp:loa:2 or urn:kp:loa:3"));
	}

	/**
	 * A rule waiting for its paths.
	 */
	public static final class Requirement {

		private final KhyberPassAssurance previous;

		private final AssuranceLevel level;

		private Requirement(KhyberPassAssurance previous, AssuranceLevel level) {
			this.previous = previous;
			this.level = level;
		}

		/**
		 * Applies the level to requests matching these path patterns (Spring
		 * {@code PathPattern} syntax, relative to the context path).
		 * @param pathPatterns the patterns, such as {@code /pay/**}; at least one
		 * @return all rules so far, never {@code null}
		 */
		public KhyberPassAssurance on(String... pathPatterns) {
			if (pathPatterns.length == 0) {
				throw new IllegalArgumentException("KhyberPassAssurance.require(...).on() needs at least one path");
			}
			List<Rule> rules = new ArrayList<>(this.previous.rules);
			for (String pattern : pathPatterns) {
				rules.add(new Rule(this.level, pattern, PathPatternRequestMatcher.withDefaults().matcher(pattern)));
			}
			return new KhyberPassAssurance(rules);
		}

	}

	private record Rule(AssuranceLevel level, String pattern, RequestMatcher matcher) {

	}

}
