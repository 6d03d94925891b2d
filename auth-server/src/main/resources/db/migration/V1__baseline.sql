-- Baseline; each feature adds its own tables in later migrations.
CREATE TABLE schema_note (id INT PRIMARY KEY, note VARCHAR(200) NOT NULL);
