-- Grants of the application role on PostgreSQL (README "Bảo mật / Security").
-- Run as the OWNER role (the one that ran `thucthi migrate`), after each migration.
-- The app role owns nothing: it cannot ALTER TABLE ... DISABLE TRIGGER, TRUNCATE or DROP,
-- and on audit_events and the public log it may only SELECT and INSERT. Start the app with THUCTHI_MIGRATE=check.
GRANT USAGE ON SCHEMA public TO thucthi_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO thucthi_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO thucthi_app;
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_events FROM thucthi_app;
-- The public log (issue 14) is append-only too.
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON transparency_leaves, transparency_checkpoints FROM thucthi_app;
-- The app checks at start that every migration is applied.
GRANT USAGE ON SCHEMA drizzle TO thucthi_app;
GRANT SELECT ON drizzle.__drizzle_migrations TO thucthi_app;
