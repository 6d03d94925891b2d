package pk.gov.kp.khyberpass.admin;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.keys.SigningAlgorithm;
import pk.gov.kp.khyberpass.keys.SigningKey;
import pk.gov.kp.khyberpass.keys.SigningKeyRotated;
import pk.gov.kp.khyberpass.keys.SigningKeys;

/**
 * Signing keys: list with state, rotate now (one algorithm or all), retire one key at
 * once.
 */
@RestController
@RequestMapping("/admin/api/keys")
final class KeysController {

	private final SigningKeys keys;

	private final AdminAudit audit;

	KeysController(SigningKeys keys, AdminAudit audit) {
		this.keys = keys;
		this.audit = audit;
	}

	@GetMapping
	List<SigningKey> list() {
		return this.keys.list();
	}

	@PostMapping("/rotate")
	List<SigningKeyRotated> rotate(@RequestBody RotationRequest request, @AuthenticationPrincipal Jwt admin) {
		String reason = Reason.require(request.reason());
		SigningAlgorithm algorithm = algorithm(request.algorithm());
		List<SigningKeyRotated> rotated = (algorithm != null) ? this.keys.rotate(algorithm).stream().toList()
				: this.keys.rotate();
		this.audit.record(AuditEventType.SIGNING_KEY_ROTATION_ORDERED, admin,
				(algorithm != null) ? algorithm.name() : "all", null, reason,
				Map.of("rotated", String.join(" ", rotated.stream().map(SigningKeyRotated::activeKid).toList())));
		return rotated;
	}

	@PostMapping("/{kid}/retire")
	SigningKey retire(@PathVariable String kid, @RequestBody ReasonRequest request,
			@AuthenticationPrincipal Jwt admin) {
		String reason = Reason.require(request.reason());
		if (kid.length() > 64) {
			throw new InvalidFieldException("kid", "kid has at most 64 characters");
		}
		SigningKey retired = this.keys.retire(kid)
			.orElseThrow(() -> new NotFoundException("No published signing key " + kid));
		this.audit.record(AuditEventType.SIGNING_KEY_RETIREMENT_ORDERED, admin, kid, reason);
		return retired;
	}

	private static @Nullable SigningAlgorithm algorithm(@Nullable String name) {
		if (name == null) {
			return null;
		}
		for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
			if (algorithm.name().equals(name)) {
				return algorithm;
			}
		}
		throw new InvalidFieldException("algorithm", "algorithm must be ES256 or RS256, or absent for all");
	}

	/** The body of a rotation: the reason, and optionally one algorithm. */
	record RotationRequest(@Nullable String reason, @Nullable String algorithm) {
	}

}
