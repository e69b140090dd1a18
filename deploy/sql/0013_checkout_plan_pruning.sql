-- 0013: a planned sale's plan (a few KB of JSON) is needed only while the sale is committing: to carry it forward or
-- undo it after a crash. Once the sale is committed (and its return basis kept in its own column) or aborted, the
-- plan only takes space, one copy per stored-value sale for ever. CheckoutPlanPruning clears it a day later; this
-- index holds only the rows still keeping a plan, so finding them reads a day's worth, not the year's sales.
CREATE INDEX IF NOT EXISTS checkout_transactions_plans_kept ON checkout_transactions (updated_at)
    WHERE plan IS NOT NULL AND kind = 'sale';
