-- 0010: reports and purchase analysis (docs/reports.md).

-- An erased member's facts row stays (the books still count their sales) but analysis leaves them out.
ALTER TABLE members ADD COLUMN IF NOT EXISTS erased_at timestamptz;

-- The last analysis run's result, one row per member, replaced whole by each run (in one transaction).
-- No personal data: ids, figures and segment names only.
CREATE TABLE IF NOT EXISTS member_analysis (
    member_id            text PRIMARY KEY,
    home_store_id        text        NOT NULL,
    segment              text        NOT NULL,
    r                    smallint,
    f                    smallint,
    m                    smallint,
    recency_days         int,
    purchases            int         NOT NULL,
    spend                bigint      NOT NULL,
    usual_interval_days  int,
    churn_risk           text        NOT NULL,
    preferred_store_id   text,
    top_categories       text        NOT NULL DEFAULT '[]'
);
-- Segment reports count per segment and store; segment lists page by member id within a segment.
CREATE INDEX IF NOT EXISTS member_analysis_segment ON member_analysis (segment, member_id);
CREATE INDEX IF NOT EXISTS member_analysis_store_segment ON member_analysis (home_store_id, segment, member_id);

-- One row per analysis run: when it looked (as_of) and when it finished; the newest row is what readers show.
CREATE TABLE IF NOT EXISTS analysis_runs (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    as_of        timestamptz NOT NULL,
    finished_at  timestamptz NOT NULL,
    members      int         NOT NULL
);

-- No new index on checkout_transactions: the nightly run reads the whole 365-day window (0007's BRIN on
-- committed_at), and every index there is paid by every commit.
