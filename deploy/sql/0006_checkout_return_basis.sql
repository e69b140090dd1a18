-- 0006: what a return of a sale needs beyond its receipt (whose sale it was, the day it counted for, the cards it
-- debited, the member coupons it used), as a small document of its own. A sale that only its member settles is
-- committed in one write with the member's state and stores no plan; its returns read this instead.
ALTER TABLE checkout_transactions ADD COLUMN IF NOT EXISTS return_basis text;
