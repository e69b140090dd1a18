-- The product's own tables (Orleans' tables are in 0001). Applied once by SchemaMigrator.

-- Every movement of points or stored value: the source for member history, reports, audit and rebuilds.
-- Grain state keeps balances; this table keeps the history, append-only.
CREATE TABLE IF NOT EXISTS ledger_entries (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id      text        NOT NULL,
    txn_id         text        NOT NULL,
    kind           text        NOT NULL,
    card_no        text        NOT NULL DEFAULT '',
    points         bigint      NOT NULL DEFAULT 0,
    amount         bigint      NOT NULL DEFAULT 0,
    balance_after  bigint      NOT NULL,
    at             timestamptz NOT NULL,
    store_id       text,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ledger_entries_once UNIQUE (member_id, txn_id, kind, card_no)
);
CREATE INDEX IF NOT EXISTS ledger_entries_member_newest ON ledger_entries (member_id, id DESC);
CREATE INDEX IF NOT EXISTS ledger_entries_store_at ON ledger_entries (store_id, at);

-- One row per checkout transaction (sale, return, void): the orchestrator's durable record and the
-- source for dashboards and reports. status: committing → committed | aborted.
CREATE TABLE IF NOT EXISTS checkout_transactions (
    txn_id              text PRIMARY KEY,
    store_id            text        NOT NULL,
    lane_id             text,
    member_id           text,
    kind                text        NOT NULL,
    status              text        NOT NULL,
    request_hash        text        NOT NULL,
    plan                jsonb,
    receipt             jsonb,
    committed_at        timestamptz NOT NULL,
    subtotal            bigint      NOT NULL DEFAULT 0,
    discount_total      bigint      NOT NULL DEFAULT 0,
    total               bigint      NOT NULL DEFAULT 0,
    points_earned       bigint      NOT NULL DEFAULT 0,
    points_redeemed     bigint      NOT NULL DEFAULT 0,
    stored_value_spent  bigint      NOT NULL DEFAULT 0,
    coupons_redeemed    int         NOT NULL DEFAULT 0,
    tier_after          text,
    category_sales      jsonb,
    original_txn_id     text,
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS checkout_transactions_store_day ON checkout_transactions (store_id, committed_at);
CREATE INDEX IF NOT EXISTS checkout_transactions_unfinished ON checkout_transactions (status) WHERE status = 'committing';

-- Members as facts for reports and dashboards: no personal data here (that lives encrypted in grain state).
CREATE TABLE IF NOT EXISTS members (
    member_id      text PRIMARY KEY,
    store_id       text        NOT NULL,
    channel        text        NOT NULL,
    registered_at  timestamptz NOT NULL,
    tier           text        NOT NULL
);
CREATE INDEX IF NOT EXISTS members_store_registered ON members (store_id, registered_at);

-- Staff accounts (admin, manager): password hashes only (Argon2id, PHC string).
CREATE TABLE IF NOT EXISTS staff_accounts (
    username       text PRIMARY KEY,
    password_hash  text        NOT NULL,
    roles          text[]      NOT NULL,
    store_ids      text[]      NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL,
    disabled       boolean     NOT NULL DEFAULT false
);

-- Lane and gateway credentials (client credentials grant): secret hashes only.
CREATE TABLE IF NOT EXISTS device_credentials (
    client_id      text PRIMARY KEY,
    secret_hash    text        NOT NULL,
    store_id       text        NOT NULL,
    device_id      text        NOT NULL,
    role           text        NOT NULL,
    created_at     timestamptz NOT NULL,
    disabled       boolean     NOT NULL DEFAULT false,
    CONSTRAINT device_credentials_device UNIQUE (store_id, device_id)
);

-- Stores and their catalogs (prices in fen; category paths nest to any depth).
CREATE TABLE IF NOT EXISTS stores (
    store_id       text PRIMARY KEY,
    name           text        NOT NULL,
    time_zone      text        NOT NULL DEFAULT 'Asia/Shanghai',
    region         text,
    updated_at     timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS products (
    store_id       text        NOT NULL,
    sku            text        NOT NULL,
    barcode        text,
    name           text        NOT NULL,
    category_path  text[]      NOT NULL,
    price          bigint      NOT NULL,
    sold_by_weight boolean     NOT NULL DEFAULT false,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (store_id, sku)
);
CREATE INDEX IF NOT EXISTS products_barcode ON products (store_id, barcode);

-- Audit trail of who did what to which resource (never personal data in clear).
CREATE TABLE IF NOT EXISTS audit_log (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    actor          text        NOT NULL,
    action         text        NOT NULL,
    resource       text        NOT NULL,
    store_id       text,
    detail         jsonb
);
CREATE INDEX IF NOT EXISTS audit_log_resource ON audit_log (resource, id DESC);
