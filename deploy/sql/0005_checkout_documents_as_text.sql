-- 0005: a checkout's plan and receipt are documents the grains write and read whole; nothing queries inside them.
-- As jsonb every commit paid PostgreSQL to parse ~19 KB into jsonb and pglz-compress the result (about 0.4 ms of
-- server CPU per checkout, measured: docs/benchmarks.md); as text with lz4 the same rows cost a few microseconds.
-- category_sales stays jsonb: the dashboards' rebuild sums inside it.
ALTER TABLE checkout_transactions
    ALTER COLUMN plan TYPE text,
    ALTER COLUMN receipt TYPE text;
ALTER TABLE checkout_transactions
    ALTER COLUMN plan SET COMPRESSION lz4,
    ALTER COLUMN receipt SET COMPRESSION lz4;
