-- Trigram matching for typo-tolerant search. Ships with PostgreSQL contrib, RDS and PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
