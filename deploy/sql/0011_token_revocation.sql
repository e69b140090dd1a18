-- 0011: tokens stop working when their account changes (docs/security.md, "Revoking access"). A token of `subject`
-- issued before `not_before` is refused by every api instance, which polls the rows past the last `seq` it read.
-- Rows older than the longest token lifetime could go; they are a few per account and kept for simplicity.
CREATE SEQUENCE IF NOT EXISTS token_revocation_seq;
CREATE TABLE IF NOT EXISTS token_revocations (
    subject     text        PRIMARY KEY,   -- staff:<username>, device:<clientId>, member:<memberId>
    not_before  timestamptz NOT NULL,
    seq         bigint      NOT NULL DEFAULT nextval('token_revocation_seq'),
    reason      text        NOT NULL
);
CREATE INDEX IF NOT EXISTS token_revocations_seq ON token_revocations (seq);

-- When an account or a device was disabled, for the administration pages.
ALTER TABLE staff_accounts ADD COLUMN IF NOT EXISTS disabled_at timestamptz;
ALTER TABLE device_credentials ADD COLUMN IF NOT EXISTS disabled_at timestamptz;
