-- Admin roles (feature package "admin") and the forced password reset flag. Runs on PostgreSQL and on H2 in
-- PostgreSQL mode; the role names are a lookup table, not an IN-list CHECK (H2 breaks those).
CREATE TABLE admin_role_name (
    name VARCHAR(32) NOT NULL PRIMARY KEY
);

INSERT INTO admin_role_name (name) VALUES ('security-admin');
INSERT INTO admin_role_name (name) VALUES ('helpdesk');
INSERT INTO admin_role_name (name) VALUES ('auditor');

-- One row per role an account holds. The actor is an account id or "system" (the bootstrap).
CREATE TABLE admin_role (
    account_id UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role VARCHAR(32) NOT NULL REFERENCES admin_role_name (name),
    granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    granted_by VARCHAR(200) NOT NULL,
    PRIMARY KEY (account_id, role)
);

-- Set by an administrator ("force password reset"): the password no longer signs in until the citizen sets
-- a new one through recovery; cleared whenever the password changes.
ALTER TABLE accounts ADD COLUMN password_reset_required BOOLEAN DEFAULT FALSE NOT NULL;
