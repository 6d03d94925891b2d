package pk.gov.kp.khyberpass.admin;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.cnic.Cnic;

/**
 * Makes the first administrator at start-up: while nobody holds an admin role, the
 * citizen whose CNIC is {@code khyberpass.admin.bootstrap-cnic} becomes
 * {@code security-admin} (audited, actor {@code system}). Runs after the seed file, so a
 * seeded citizen can be the first administrator in development. Once any administrator
 * exists the setting does nothing.
 */
@Component
@Order(10)
final class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AdminProperties properties;

	private final AccountService accounts;

	private final AdminRoles roles;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	AdminBootstrap(AdminProperties properties, AccountService accounts, AdminRoles roles,
			ApplicationEventPublisher events, java.time.Clock clock) {
		this.properties = properties;
		this.accounts = accounts;
		this.roles = roles;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		String configured = this.properties.bootstrapCnic();
		if (configured == null) {
			return;
		}
		Cnic cnic = Cnic.parse(configured);
		Optional<Account> account = this.accounts.findByCnic(cnic);
		if (account.isEmpty()) {
			log.warn("khyberpass.admin.bootstrap-cnic {} has no account; no administrator bootstrapped", cnic);
			return;
		}
		if (this.roles.bootstrap(account.get().id(), AuditEvent.SYSTEM)) {
			log.info("Account {} is the first security-admin (bootstrap)", account.get().id());
			this.events.publishEvent(new AuditEvent(AuditEventType.ADMIN_ROLE_GRANTED, AuditEvent.SYSTEM,
					account.get().id().toString(), null, this.clock.instant(),
					Map.of("role", AdminRole.SECURITY_ADMIN.value(), "reason", "bootstrap from configuration")));
		}
	}

}
