/**
 * The tamper-evident audit log: features publish
 * {@link pk.gov.kp.khyberpass.audit.AuditEvent}s, this package chains them with SHA-256
 * in PostgreSQL, signs periodic checkpoints with the server's keys and verifies, searches
 * and exports the chain through {@link pk.gov.kp.khyberpass.audit.AuditLog}.
 */
@NullMarked
package pk.gov.kp.khyberpass.audit;

import org.jspecify.annotations.NullMarked;
