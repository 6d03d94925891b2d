-- Department API scopes (vehicles.read) and what the consent page says about each, as the security team
-- registers them. Runs on PostgreSQL and on H2 in PostgreSQL mode. English is required; Urdu and Pashto fall
-- back to English when absent. A scope that a client holds but that has no row here is shown by its name.
-- The changer is an administrator's account id, or "seed" for the seed file.
CREATE TABLE api_scope (
    name VARCHAR(200) NOT NULL PRIMARY KEY,
    description_en VARCHAR(400) NOT NULL,
    description_ur VARCHAR(400),
    description_ps VARCHAR(400),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(200) NOT NULL
);
