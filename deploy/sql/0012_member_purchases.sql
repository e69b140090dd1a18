-- 0012: a member's purchases and returns, newest first (GET /members/{id}/purchases, the app's 电子小票): without this
-- index the page reads every sale of the chain. Partial: anonymous sales and unfinished rows are never listed.
CREATE INDEX IF NOT EXISTS checkout_transactions_member ON checkout_transactions (member_id, committed_at DESC)
    WHERE member_id IS NOT NULL AND status = 'committed';
