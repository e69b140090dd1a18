-- Messages to people (sign-in codes now; reminders and campaigns later), written in the same transaction as the
-- grain state change that caused them and delivered by every silo's NotificationDispatcher. Recipient and payload
-- are encrypted with the personal-data key; the payload is removed once the message is sent, expired or given up.
CREATE TABLE IF NOT EXISTS notification_outbox (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id  text        NOT NULL UNIQUE,
    member_id   text,
    channel     text        NOT NULL,
    template    text        NOT NULL,
    recipient   text        NOT NULL,
    payload     text,
    created_at  timestamptz NOT NULL,
    not_before  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    -- pending → sent | expired | failed
    status      text        NOT NULL DEFAULT 'pending',
    attempts    int         NOT NULL DEFAULT 0,
    sent_at     timestamptz,
    last_error  text
);
CREATE INDEX IF NOT EXISTS notification_outbox_due ON notification_outbox (not_before) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS notification_outbox_member ON notification_outbox (member_id, created_at);
