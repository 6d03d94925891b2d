-- Department clients, consents and token families (Spring Authorization Server's client and consent
-- layout, with timestamptz; token families are Khyber Pass's own: tokens are stored only as hashes).
CREATE TABLE oauth2_registered_client (
    id varchar(100) NOT NULL,
    client_id varchar(100) NOT NULL,
    client_id_issued_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret varchar(200) DEFAULT NULL,
    client_secret_expires_at timestamp with time zone DEFAULT NULL,
    client_name varchar(200) NOT NULL,
    client_authentication_methods varchar(1000) NOT NULL,
    authorization_grant_types varchar(1000) NOT NULL,
    redirect_uris varchar(4000) DEFAULT NULL,
    post_logout_redirect_uris varchar(4000) DEFAULT NULL,
    scopes varchar(1000) NOT NULL,
    client_settings varchar(4000) NOT NULL,
    token_settings varchar(2000) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT oauth2_registered_client_client_id UNIQUE (client_id)
);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    authorities varchar(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

-- One row per token family: what one authorization code (or its consent) produced, refreshed in place.
CREATE TABLE token_family (
    id varchar(100) NOT NULL PRIMARY KEY,
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    session_id varchar(200),
    code_hash varchar(64),
    access_token_hash varchar(64),
    refresh_token_hash varchar(64),
    id_token_hash varchar(64),
    document text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL
);
CREATE UNIQUE INDEX token_family_code ON token_family (code_hash);
CREATE UNIQUE INDEX token_family_access ON token_family (access_token_hash);
CREATE UNIQUE INDEX token_family_refresh ON token_family (refresh_token_hash);
CREATE UNIQUE INDEX token_family_id_token ON token_family (id_token_hash);
CREATE INDEX token_family_principal ON token_family (principal_name);
CREATE INDEX token_family_session ON token_family (session_id);
CREATE INDEX token_family_expires ON token_family (expires_at);

-- Refresh tokens already exchanged: presenting one again revokes its family (RFC 9700 §4.14.2).
CREATE TABLE spent_refresh_token (
    token_hash varchar(64) NOT NULL PRIMARY KEY,
    family_id varchar(100) NOT NULL,
    expires_at timestamp with time zone NOT NULL
);
CREATE INDEX spent_refresh_token_expires ON spent_refresh_token (expires_at);
