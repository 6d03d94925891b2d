-- A department client's settings may now hold its public keys inline (jwks, up to 8,000 characters of
-- JSON) besides its other settings: widen the column Spring Authorization Server stores them in.
ALTER TABLE oauth2_registered_client ALTER COLUMN client_settings SET DATA TYPE varchar(16000);
