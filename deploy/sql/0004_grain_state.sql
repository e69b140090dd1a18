-- 0004_grain_state: the product's grain state (members, cards, coupons, budgets, lanes, checkouts' helpers),
-- written by OrleansLoyalty.Silo.Storage.PostgresGrainStorage in group commits. One row per grain and state name;
-- grain_id is Orleans' GrainId text ("type/key"), so the key is readable in psql. payload is Orleans' binary
-- serialization (docs/adr/0001); version is the ETag and counts up on every write, clearing included.
-- Orleans' own providers keep using orleans_grain_state (0001) for their state (stream pub-sub).
CREATE TABLE IF NOT EXISTS loyalty_grain_state (
    service_id   text        NOT NULL,
    state_name   text        NOT NULL,
    grain_id     text        NOT NULL,
    payload      bytea       NULL,
    version      integer     NOT NULL CHECK (version > 0),
    modified_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, state_name, grain_id)
) WITH (fillfactor = 85);
