-- 0001_orleans: storage for Orleans' ADO.NET providers (clustering, grain persistence, reminders).
--
-- The providers (Microsoft.Orleans.{Clustering,Persistence,Reminders}.AdoNet 10.4.2, Invariant "Npgsql")
-- load their SQL at start-up from the table orleansquery (they run `SELECT QueryKey, QueryText FROM
-- OrleansQuery`), bind named parameters (@DeploymentId, @GrainStateVersion, ...) and read result
-- columns by name, case-insensitively. Our tables use snake_case; the queries alias columns to the
-- names the providers read. This schema and every query text below are our own.
--
-- Re-runnable: CREATE ... IF NOT EXISTS, and query texts upserted by key so a later migration can
-- replace a query by re-inserting it.

-- ---------------------------------------------------------------------------------------------
-- Named queries read by the providers.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  text PRIMARY KEY,
    querytext text NOT NULL
);

-- ---------------------------------------------------------------------------------------------
-- Clustering: one version row per cluster (the membership table's optimistic-concurrency token)
-- and one row per silo incarnation (address, port, generation).
-- Orleans passes the version it read as @Version; every membership change must bump it by one
-- in the same statement, and fails (returns false) if someone else bumped it first.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS orleans_membership_version (
    cluster_id text        PRIMARY KEY,
    version    integer     NOT NULL DEFAULT 0 CHECK (version >= 0),
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_membership (
    cluster_id      text        NOT NULL REFERENCES orleans_membership_version (cluster_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    -- Orleans.Runtime.SiloStatus: 1 Created, 2 Joining, 3 Active, 4 ShuttingDown, 5 Stopping, 6 Dead.
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL DEFAULT 0,
    -- "silo-address,date|silo-address,date": death votes, written and parsed by Orleans.
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (cluster_id, address, port, generation)
);

-- ---------------------------------------------------------------------------------------------
-- Grain persistence. Orleans identifies a row by service id + state name (the provider calls it
-- "grain type") + grain key. The provider NAME is not part of the key: two storage providers on
-- this database share rows when state name and key coincide, so state names must be unique.
-- Grain keys arrive split: integer keys in n1, Guid keys in n0/n1, string keys in extension (with
-- n0 = n1 = 0), compound keys add the extension to an integer/Guid key. The extension may be NULL,
-- so the unique key indexes coalesce(extension, '') plus an is-null flag: NULL and '' stay distinct
-- and equality lookups still use the index.
-- version is the ETag: NULL ETag means "I believe no row exists"; every write bumps it by one.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS orleans_grain_state (
    service_id         text        NOT NULL,
    state_name         text        NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text        NULL,
    -- Hashes computed by Orleans; kept for diagnostics and future partitioning, not used to find rows.
    grain_id_hash      integer     NOT NULL,
    state_name_hash    integer     NOT NULL,
    payload            bytea       NULL,
    version            integer     NOT NULL CHECK (version > 0),
    modified_at        timestamptz NOT NULL DEFAULT now()
) WITH (fillfactor = 85);

CREATE UNIQUE INDEX IF NOT EXISTS orleans_grain_state_key ON orleans_grain_state (
    service_id, state_name, grain_id_n1, grain_id_n0,
    (coalesce(grain_id_extension, '')), (grain_id_extension IS NULL));

-- ---------------------------------------------------------------------------------------------
-- Reminders. grain_hash is the grain's uniform hash as a signed int; each silo reads the rows of
-- its share of the hash ring.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS orleans_reminder (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL CHECK (period_ms >= 0),
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS orleans_reminder_ring ON orleans_reminder (service_id, grain_hash);

-- ---------------------------------------------------------------------------------------------
-- Query texts.
-- ---------------------------------------------------------------------------------------------
INSERT INTO orleansquery (querykey, querytext) VALUES

-- Clustering ---------------------------------------------------------------------------------

-- Creates the cluster's version row once; returns whether this call created it.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (cluster_id) VALUES (@DeploymentId)
    ON CONFLICT (cluster_id) DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM created);
$q$),

-- Adds a silo row and bumps the version, both or neither. A concurrent bump blocks on the version
-- row and then no longer matches @Version, so only one writer per version succeeds.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version v
    SET version = v.version + 1, changed_at = now()
    WHERE v.cluster_id = @DeploymentId
      AND v.version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM orleans_membership m
          WHERE m.cluster_id = @DeploymentId AND m.address = @Address
            AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.cluster_id),
inserted AS (
    INSERT INTO orleans_membership (
        cluster_id, address, port, generation, silo_name, host_name,
        status, proxy_port, start_time, i_am_alive_time)
    SELECT b.cluster_id, @Address, @Port, @Generation, coalesce(@SiloName, ''), coalesce(@HostName, ''),
           @Status, coalesce(@ProxyPort, 0), @StartTime, @IAmAliveTime
    FROM bumped b
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM inserted);
$q$),

-- Changes a silo's status and death votes and bumps the version, both or neither.
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version v
    SET version = v.version + 1, changed_at = now()
    WHERE v.cluster_id = @DeploymentId
      AND v.version = @Version
      AND EXISTS (
          SELECT 1 FROM orleans_membership m
          WHERE m.cluster_id = @DeploymentId AND m.address = @Address
            AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.cluster_id),
updated AS (
    UPDATE orleans_membership m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM bumped b
    WHERE m.cluster_id = b.cluster_id AND m.address = @Address
      AND m.port = @Port AND m.generation = @Generation
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM updated);
$q$),

-- Heartbeat; deliberately does not bump the version (it is not a membership change).
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
$q$),

-- One row per silo plus the version; with no silo rows still one row carrying the version
-- (the silo columns NULL), which is how the provider learns the version of an empty table.
('MembershipReadAllKey', $q$
SELECT v.version AS Version,
       m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status,
       m.proxy_port AS ProxyPort, m.suspect_times AS SuspectTimes,
       m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.cluster_id = v.cluster_id
WHERE v.cluster_id = @DeploymentId;
$q$),

('MembershipReadRowKey', $q$
SELECT v.version AS Version,
       m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status,
       m.proxy_port AS ProxyPort, m.suspect_times AS SuspectTimes,
       m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.cluster_id = v.cluster_id AND m.address = @Address
      AND m.port = @Port AND m.generation = @Generation
WHERE v.cluster_id = @DeploymentId;
$q$),

-- Gateways for clients: silos in @Status (Active) that accept client connections.
('GatewaysQueryKey', $q$
SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
FROM orleans_membership
WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0;
$q$),

('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE cluster_id = @DeploymentId;
$q$),

-- Removes rows of silos declared Dead whose last heartbeat is older than @IAmAliveTime.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
WHERE cluster_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime;
$q$),

-- Persistence --------------------------------------------------------------------------------

('ReadFromStorageKey', $q$
SELECT payload AS PayloadBinary, version AS Version
FROM orleans_grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_id_n1 = @GrainIdN1 AND grain_id_n0 = @GrainIdN0
  AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
  AND (grain_id_extension IS NULL) = (@GrainIdExtensionString IS NULL);
$q$),

-- Always returns exactly one row: the new version, or NULL when the caller's ETag is stale
-- (row changed, row missing, or row exists although the caller expected none). The provider
-- turns NULL into InconsistentStateException.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_grain_state
    SET payload = @PayloadBinary, version = version + 1, modified_at = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_id_n1 = @GrainIdN1 AND grain_id_n0 = @GrainIdN0
      AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
      AND (grain_id_extension IS NULL) = (@GrainIdExtensionString IS NULL)
      AND version = @GrainStateVersion
    RETURNING version),
inserted AS (
    INSERT INTO orleans_grain_state (
        service_id, state_name, grain_id_n0, grain_id_n1, grain_id_extension,
        grain_id_hash, state_name_hash, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
           @GrainIdHash, @GrainTypeHash, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version)
SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted)) AS NewGrainStateVersion;
$q$),

-- Keeps the row (payload NULL) so the version keeps counting up; NULL result = stale ETag.
('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE orleans_grain_state
    SET payload = NULL, version = version + 1, modified_at = now()
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_id_n1 = @GrainIdN1 AND grain_id_n0 = @GrainIdN0
      AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
      AND (grain_id_extension IS NULL) = (@GrainIdExtensionString IS NULL)
      AND version = @GrainStateVersion
    RETURNING version)
SELECT (SELECT version FROM cleared) AS NewGrainStateVersion;
$q$),

-- Used instead of ClearStorageKey when a provider sets DeleteStateOnClear; NULL result = stale ETag.
('DeleteStorageKey', $q$
WITH deleted AS (
    DELETE FROM orleans_grain_state
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_id_n1 = @GrainIdN1 AND grain_id_n0 = @GrainIdN0
      AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
      AND (grain_id_extension IS NULL) = (@GrainIdExtensionString IS NULL)
      AND version = @GrainStateVersion
    RETURNING version + 1 AS next_version)
SELECT (SELECT next_version FROM deleted) AS NewGrainStateVersion;
$q$),

-- Reminders ----------------------------------------------------------------------------------

('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminder (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = excluded.start_time, period_ms = excluded.period_ms,
    grain_hash = excluded.grain_hash, version = orleans_reminder.version + 1
RETURNING version AS Version;
$q$),

('ReadReminderRowsKey', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period_ms AS Period, version AS Version
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId;
$q$),

('ReadReminderRowKey', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period_ms AS Period, version AS Version
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$q$),

-- The ring range (@BeginHash, @EndHash] when it does not wrap in signed order...
('ReadRangeRows1Key', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period_ms AS Period, version AS Version
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$q$),

-- ...and when it wraps (Begin >= End): everything after Begin plus everything up to End.
('ReadRangeRows2Key', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period_ms AS Period, version AS Version
FROM orleans_reminder
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$q$),

-- Returns whether the row existed with the caller's version and was deleted.
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleans_reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId
      AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM deleted);
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminder WHERE service_id = @ServiceId;
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
