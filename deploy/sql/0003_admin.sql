-- Administration of the rules: programme history, campaigns, coupon templates, and the version table
-- every silo polls so that a saved change reaches every silo's pricing within a second
-- (docs/administration.md). Stores and products are in 0002.

-- Every programme ever saved; the highest version is in effect from the moment it was saved.
CREATE TABLE IF NOT EXISTS programmes (
    version        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme      jsonb       NOT NULL,
    saved_at       timestamptz NOT NULL,
    saved_by       text        NOT NULL
);

-- Campaigns as the domain record (camelCase JSON); pause/resume flips `paused` without touching the body.
CREATE TABLE IF NOT EXISTS campaigns (
    campaign_id    text PRIMARY KEY,
    campaign       jsonb       NOT NULL,
    paused         boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS coupon_templates (
    template_id    text PRIMARY KEY,
    template       jsonb       NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS coupon_templates_public_code ON coupon_templates (upper(template->>'code'))
    WHERE (template->>'public')::boolean;

CREATE INDEX IF NOT EXISTS members_tier ON members (tier);

-- One row per replicated scope: 'programme', 'campaigns', 'couponTemplates', 'store:<id>', 'catalog:<id>'.
-- Writers bump the scope's version in the transaction that changes it, under a transaction-scoped
-- advisory lock, so versions become visible in the order they were drawn and `max(version)` is a
-- sufficient "anything new?" probe.
CREATE SEQUENCE IF NOT EXISTS rules_version_seq;
CREATE TABLE IF NOT EXISTS rules_versions (
    scope          text PRIMARY KEY,
    version        bigint      NOT NULL,
    changed_at     timestamptz NOT NULL
);
