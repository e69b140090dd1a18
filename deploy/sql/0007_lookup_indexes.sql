-- 0007: the lookups that ran as full scans of tables that grow with every sale.
-- A return (and every retry of one) read the purchase's earlier returns with WHERE original_txn_id = ...: a scan of
-- all of checkout_transactions, 25 ms at 27,000 rows, minutes at a chain's year of sales. Only return rows carry
-- original_txn_id, so the index holds only them.
CREATE INDEX IF NOT EXISTS checkout_transactions_returns_of ON checkout_transactions (original_txn_id) WHERE kind = 'return';
-- The chain dashboard's rebuild asks which stores had sales, sign-ups or top-ups since the start of the day, across
-- every store. Rows arrive roughly in time order, so a BRIN index (a few pages, next to nothing per insert) finds
-- the day's part of each table instead of reading all of it.
CREATE INDEX IF NOT EXISTS checkout_transactions_committed_brin ON checkout_transactions USING brin (committed_at);
CREATE INDEX IF NOT EXISTS ledger_entries_at_brin ON ledger_entries USING brin (at);
CREATE INDEX IF NOT EXISTS members_registered_brin ON members USING brin (registered_at);
