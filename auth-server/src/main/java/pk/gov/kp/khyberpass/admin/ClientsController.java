package pk.gov.kp.khyberpass.admin;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.oidc.ClientAdministration;
import pk.gov.kp.khyberpass.oidc.ClientNotFoundException;
import pk.gov.kp.khyberpass.oidc.ClientSecretRotation;
import pk.gov.kp.khyberpass.oidc.DepartmentClient;

/**
 * Department clients: list, read, create, update, disable, enable, delete, rotate the
 * secret.
 */
@RestController
@RequestMapping("/admin/api/clients")
final class ClientsController {

	private final ClientAdministration clients;

	private final AdminAudit audit;

	private static final Set<String> CLIENT_FIELDS = Arrays.stream(ClientRequest.class.getRecordComponents())
		.map(RecordComponent::getName)
		.collect(Collectors.toUnmodifiableSet());

	private static final Set<String> NOT_SETTINGS = Set.of("clientId", "enabled", "issuedAt",
			"previousSecretValidUntil");

	private final AdminProperties properties;

	private final JsonMapper json;

	ClientsController(ClientAdministration clients, AdminAudit audit, AdminProperties properties, JsonMapper json) {
		this.clients = clients;
		this.audit = audit;
		this.properties = properties;
		this.json = json;
	}

	@GetMapping
	List<ClientView> list() {
		return this.clients.list().stream().map(ClientView::of).toList();
	}

	@GetMapping("/{clientId}")
	ClientView read(@PathVariable String clientId) {
		return this.clients.find(clientId).map(ClientView::of).orElseThrow(() -> new ClientNotFoundException(clientId));
	}

	@PostMapping
	ResponseEntity<ClientChange> create(@RequestBody Map<String, Object> body, @AuthenticationPrincipal Jwt admin) {
		ClientRequest request = clientRequest(body);
		String reason = Reason.require(request.reason());
		if (request.clientId() == null) {
			throw new InvalidFieldException("clientId", "clientId is required");
		}
		DepartmentClient client = request.toDepartmentClient(request.clientId());
		Optional<String> secret = this.clients.create(client);
		ClientChange change = change(client.clientId(), secret);
		this.audit.record(AuditEventType.CLIENT_CREATED, admin, client.clientId(), client.clientId(), reason,
				Map.of("settings", String.join(" ", givenSettings(change.client()))));
		return ResponseEntity.status(HttpStatus.CREATED).body(change);
	}

	@PutMapping("/{clientId}")
	ClientChange update(@PathVariable String clientId, @RequestBody Map<String, Object> body,
			@AuthenticationPrincipal Jwt admin) {
		ClientRequest request = clientRequest(body);
		String reason = Reason.require(request.reason());
		if (request.clientId() != null && !request.clientId().equals(clientId)) {
			throw new InvalidFieldException("clientId", "clientId cannot change; it must match the path");
		}
		DepartmentClient client = request.toDepartmentClient(clientId);
		ClientView before = read(clientId);
		Optional<String> secret = this.clients.update(client);
		ClientChange change = change(clientId, secret);
		this.audit.record(AuditEventType.CLIENT_UPDATED, admin, clientId, clientId, reason,
				Map.of("changed", String.join(" ", changedSettings(before, change.client()))));
		return change;
	}

	/**
	 * The names of the settings that differ, in the view's order (state and timestamps
	 * are not settings).
	 */
	static List<String> changedSettings(ClientView before, ClientView after) {
		return Arrays.stream(ClientView.class.getRecordComponents())
			.map(RecordComponent::getName)
			.filter((name) -> !NOT_SETTINGS.contains(name))
			.filter((name) -> !Objects.equals(component(before, name), component(after, name)))
			.toList();
	}

	/**
	 * The names of the settings a new client has a value for (not empty), in the view's
	 * order.
	 */
	static List<String> givenSettings(ClientView view) {
		return Arrays.stream(ClientView.class.getRecordComponents())
			.map(RecordComponent::getName)
			.filter((name) -> !NOT_SETTINGS.contains(name))
			.filter((name) -> given(component(view, name)))
			.toList();
	}

	private static boolean given(@Nullable Object value) {
		return value != null && !(value instanceof Collection<?> values && values.isEmpty())
				&& !(value instanceof Map<?, ?> map && map.isEmpty());
	}

	private static @Nullable Object component(ClientView view, String name) {
		try {
			return ClientView.class.getMethod(name).invoke(view);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("ClientView has no accessor " + name, ex);
		}
	}

	@PostMapping("/{clientId}/disable")
	ClientView disable(@PathVariable String clientId, @RequestBody ReasonRequest request,
			@AuthenticationPrincipal Jwt admin) {
		String reason = Reason.require(request.reason());
		this.clients.disable(clientId);
		this.audit.record(AuditEventType.CLIENT_DISABLED, admin, clientId, clientId, reason, Map.of());
		return read(clientId);
	}

	@PostMapping("/{clientId}/enable")
	ClientView enable(@PathVariable String clientId, @RequestBody ReasonRequest request,
			@AuthenticationPrincipal Jwt admin) {
		String reason = Reason.require(request.reason());
		this.clients.enable(clientId);
		this.audit.record(AuditEventType.CLIENT_ENABLED, admin, clientId, clientId, reason, Map.of());
		return read(clientId);
	}

	@DeleteMapping("/{clientId}")
	ResponseEntity<Void> delete(@PathVariable String clientId, @RequestParam(required = false) @Nullable String reason,
			@AuthenticationPrincipal Jwt admin) {
		String why = Reason.require(reason);
		this.clients.delete(clientId);
		this.audit.record(AuditEventType.CLIENT_DELETED, admin, clientId, clientId, why, Map.of());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{clientId}/secret")
	SecretView rotateSecret(@PathVariable String clientId, @RequestBody SecretRotationRequest request,
			@AuthenticationPrincipal Jwt admin) {
		String reason = Reason.require(request.reason());
		Duration grace = grace(request.gracePeriod());
		ClientSecretRotation rotation = this.clients.rotateSecret(clientId, grace);
		this.audit.record(AuditEventType.CLIENT_SECRET_ROTATED, admin, clientId, clientId, reason,
				Map.of("previousSecretValidUntil", rotation.previousValidUntil().toString()));
		return new SecretView(clientId, rotation.secret(), rotation.previousValidUntil().toString());
	}

	/**
	 * Reads a client request strictly: an unknown field (a typo such as
	 * {@code redirectUri}) is refused, since silently ignoring a security setting is
	 * worse than a 400.
	 */
	private ClientRequest clientRequest(Map<String, Object> body) {
		for (String field : body.keySet()) {
			if (!CLIENT_FIELDS.contains(field)) {
				throw new InvalidFieldException(field, "unknown field '" + field + "'");
			}
		}
		try {
			return this.json.convertValue(body, ClientRequest.class);
		}
		catch (JacksonException ex) {
			String field = AdminProblemHandler.fieldOf(ex);
			throw new InvalidFieldException(field, field + " has the wrong type");
		}
	}

	private Duration grace(@Nullable String requested) {
		Duration maximum = this.properties.secretGracePeriod();
		if (requested == null) {
			return maximum;
		}
		Duration grace;
		try {
			grace = Duration.parse(requested);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException("gracePeriod", "gracePeriod must be an ISO-8601 duration such as PT1H");
		}
		if (grace.isNegative() || grace.compareTo(maximum) > 0) {
			throw new InvalidFieldException("gracePeriod", "gracePeriod must be between PT0S and " + maximum);
		}
		return grace;
	}

	private ClientChange change(String clientId, Optional<String> secret) {
		return new ClientChange(read(clientId), secret.orElse(null));
	}

	/**
	 * A created or updated client, with its secret when the server generated one (shown
	 * this once).
	 */
	record ClientChange(ClientView client, @Nullable String clientSecret) {
	}

	/**
	 * The body of a secret rotation: the reason, and optionally a grace shorter than the
	 * configured one.
	 */
	record SecretRotationRequest(@Nullable String reason, @Nullable String gracePeriod) {
	}

	/** A new secret, shown this once, and until when the previous one still works. */
	record SecretView(String clientId, String clientSecret, String previousSecretValidUntil) {
	}

}
