-- The tables and named queries Orleans' ADO.NET clustering, grain storage and reminder providers (10.4.x) read from
-- PostgreSQL. Written for RunAdapt against the providers' query contract (the query keys, parameter and column names
-- they use); every statement is idempotent, so each silo applies the whole file at start-up.
-- Each query is one statement: data-modifying CTEs make a check-then-write atomic without stored functions.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey varchar(64) NOT NULL PRIMARY KEY,
    QueryText text NOT NULL
);

-- Clustering: one version row per deployment (optimistic concurrency for the whole table), one row per silo.
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL PRIMARY KEY,
    Timestamp timestamptz(3) NOT NULL DEFAULT now(),
    Version integer NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150) NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address varchar(45) NOT NULL,
    Port integer NOT NULL,
    Generation integer NOT NULL,
    SiloName varchar(150) NOT NULL,
    HostName varchar(150) NOT NULL,
    Status integer NOT NULL,
    ProxyPort integer NULL,
    SuspectTimes varchar(8000) NULL,
    StartTime timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Grain storage: one row per grain state, versioned.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash integer NOT NULL,
    GrainIdN0 bigint NOT NULL,
    GrainIdN1 bigint NOT NULL,
    GrainTypeHash integer NOT NULL,
    GrainTypeString varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId varchar(150) NOT NULL,
    PayloadBinary bytea NULL,
    PayloadXml text NULL,
    PayloadJson text NULL,
    ModifiedOn timestamptz NOT NULL,
    Version integer NULL
);

-- Makes "insert the first state" safe without table locks: a second insert of the same grain conflicts.
CREATE UNIQUE INDEX IF NOT EXISTS OrleansStorage_Grain ON OrleansStorage
    (ServiceId, GrainTypeHash, GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeString, COALESCE(GrainIdExtensionString, ''));

-- Reminders: one row per grain and reminder name.
CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId varchar(150) NOT NULL,
    GrainId varchar(150) NOT NULL,
    ReminderName varchar(150) NOT NULL,
    StartTime timestamptz(3) NOT NULL,
    Period bigint NOT NULL,
    GrainHash integer NOT NULL,
    Version integer NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (CAST(@DeploymentId AS varchar))
    ON CONFLICT DO NOTHING RETURNING 1)
SELECT CAST(count(*) AS integer) FROM inserted;
$q$),

-- The version moves first (its row lock serialises writers); the silo row is written only if it moved.
('InsertMembershipKey', $q$
WITH version AS (
    UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = CAST(@DeploymentId AS varchar) AND Version = CAST(@Version AS integer) AND Version < 2147483647
    RETURNING DeploymentId),
inserted AS (
    INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT DeploymentId, CAST(@Address AS varchar), CAST(@Port AS integer), CAST(@Generation AS integer), CAST(@SiloName AS varchar),
           CAST(@HostName AS varchar), CAST(@Status AS integer), CAST(@ProxyPort AS integer), CAST(@StartTime AS timestamptz), CAST(@IAmAliveTime AS timestamptz)
    FROM version
    ON CONFLICT DO NOTHING RETURNING 1)
SELECT CAST(count(*) AS integer) FROM inserted;
$q$),

('UpdateMembershipKey', $q$
WITH version AS (
    UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = CAST(@DeploymentId AS varchar) AND Version = CAST(@Version AS integer) AND Version < 2147483647
    RETURNING DeploymentId),
updated AS (
    UPDATE OrleansMembershipTable m
    SET Status = CAST(@Status AS integer), SuspectTimes = CAST(@SuspectTimes AS varchar),
        IAmAliveTime = GREATEST(m.IAmAliveTime, CAST(@IAmAliveTime AS timestamptz))
    FROM version
    WHERE m.DeploymentId = version.DeploymentId AND m.Address = CAST(@Address AS varchar)
      AND m.Port = CAST(@Port AS integer) AND m.Generation = CAST(@Generation AS integer)
    RETURNING 1)
SELECT CAST(count(*) AS integer) FROM updated;
$q$),

('UpdateIAmAlivetimeKey', $q$
UPDATE OrleansMembershipTable SET IAmAliveTime = GREATEST(IAmAliveTime, CAST(@IAmAliveTime AS timestamptz))
WHERE DeploymentId = CAST(@DeploymentId AS varchar) AND Address = CAST(@Address AS varchar)
  AND Port = CAST(@Port AS integer) AND Generation = CAST(@Generation AS integer);
$q$),

-- The version row comes back even when the silo has no row yet.
('MembershipReadRowKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort, m.SuspectTimes,
       m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
    AND m.Address = CAST(@Address AS varchar) AND m.Port = CAST(@Port AS integer) AND m.Generation = CAST(@Generation AS integer)
WHERE v.DeploymentId = CAST(@DeploymentId AS varchar);
$q$),

('MembershipReadAllKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort, m.SuspectTimes,
       m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = CAST(@DeploymentId AS varchar);
$q$),

('DeleteMembershipTableEntriesKey', $q$
DELETE FROM OrleansMembershipTable WHERE DeploymentId = CAST(@DeploymentId AS varchar);
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = CAST(@DeploymentId AS varchar);
$q$),

('GatewaysQueryKey', $q$
SELECT Address, ProxyPort, Generation FROM OrleansMembershipTable
WHERE DeploymentId = CAST(@DeploymentId AS varchar) AND Status = CAST(@Status AS integer) AND ProxyPort > 0;
$q$),

-- Only rows of dead silos (status 6) that stopped answering before the cut-off are pruned.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = CAST(@DeploymentId AS varchar) AND IAmAliveTime < CAST(@IAmAliveTime AS timestamptz)
  AND StartTime < CAST(@IAmAliveTime AS timestamptz) AND COALESCE(SuspectTimes, '') = '' AND Status = 6;
$q$),

('CleanupDefunctSiloEntryKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = CAST(@DeploymentId AS varchar) AND Status = 6 AND Address = CAST(@Address AS varchar)
  AND Port = CAST(@Port AS integer) AND Generation = CAST(@Generation AS integer)
  AND IAmAliveTime = CAST(@IAmAliveTime AS timestamptz) AND StartTime = CAST(@StartTime AS timestamptz)
  AND COALESCE(SuspectTimes, '') = COALESCE(CAST(@SuspectTimes AS varchar), '');
$q$),

-- The provider (10.4) writes the binary payload only; the JSON and XML columns stay for its reads.
-- A write with the version read succeeds once (the version moves on); the first write of a grain inserts version 1.
-- Anything else returns the version given, which the provider reports as a conflict.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE OrleansStorage
    SET PayloadBinary = CAST(@PayloadBinary AS bytea), PayloadJson = NULL, PayloadXml = NULL,
        ModifiedOn = now(), Version = Version + 1
    WHERE CAST(@GrainStateVersion AS integer) IS NOT NULL AND Version = CAST(@GrainStateVersion AS integer)
      AND ServiceId = CAST(@ServiceId AS varchar) AND GrainTypeHash = CAST(@GrainTypeHash AS integer) AND GrainIdHash = CAST(@GrainIdHash AS integer)
      AND GrainIdN0 = CAST(@GrainIdN0 AS bigint) AND GrainIdN1 = CAST(@GrainIdN1 AS bigint) AND GrainTypeString = CAST(@GrainTypeString AS varchar)
      AND COALESCE(GrainIdExtensionString, '') = COALESCE(CAST(@GrainIdExtensionString AS varchar), '')
    RETURNING Version),
inserted AS (
    INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId,
                                PayloadBinary, PayloadJson, PayloadXml, ModifiedOn, Version)
    SELECT CAST(@GrainIdHash AS integer), CAST(@GrainIdN0 AS bigint), CAST(@GrainIdN1 AS bigint), CAST(@GrainTypeHash AS integer),
           CAST(@GrainTypeString AS varchar), CAST(@GrainIdExtensionString AS varchar), CAST(@ServiceId AS varchar),
           CAST(@PayloadBinary AS bytea), NULL, NULL, now(), 1
    WHERE CAST(@GrainStateVersion AS integer) IS NULL
    ON CONFLICT DO NOTHING RETURNING Version)
SELECT COALESCE((SELECT Version FROM updated), (SELECT Version FROM inserted), CAST(@GrainStateVersion AS integer)) AS NewGrainStateVersion;
$q$),

('ReadFromStorageKey', $q$
SELECT PayloadBinary, PayloadXml, PayloadJson, (now() at time zone 'utc'), Version
FROM OrleansStorage
WHERE ServiceId = CAST(@ServiceId AS varchar) AND GrainTypeHash = CAST(@GrainTypeHash AS integer) AND GrainIdHash = CAST(@GrainIdHash AS integer)
  AND GrainIdN0 = CAST(@GrainIdN0 AS bigint) AND GrainIdN1 = CAST(@GrainIdN1 AS bigint) AND GrainTypeString = CAST(@GrainTypeString AS varchar)
  AND COALESCE(GrainIdExtensionString, '') = COALESCE(CAST(@GrainIdExtensionString AS varchar), '');
$q$),

('ClearStorageKey', $q$
UPDATE OrleansStorage
SET PayloadBinary = NULL, PayloadJson = NULL, PayloadXml = NULL, ModifiedOn = now(), Version = Version + 1
WHERE Version = CAST(@GrainStateVersion AS integer)
  AND ServiceId = CAST(@ServiceId AS varchar) AND GrainTypeHash = CAST(@GrainTypeHash AS integer) AND GrainIdHash = CAST(@GrainIdHash AS integer)
  AND GrainIdN0 = CAST(@GrainIdN0 AS bigint) AND GrainIdN1 = CAST(@GrainIdN1 AS bigint) AND GrainTypeString = CAST(@GrainTypeString AS varchar)
  AND COALESCE(GrainIdExtensionString, '') = COALESCE(CAST(@GrainIdExtensionString AS varchar), '')
RETURNING Version AS NewGrainStateVersion;
$q$),

('UpsertReminderRowKey', $q$
INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (CAST(@ServiceId AS varchar), CAST(@GrainId AS varchar), CAST(@ReminderName AS varchar), CAST(@StartTime AS timestamptz),
        CAST(@Period AS bigint), CAST(@GrainHash AS integer), 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
SET StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash, Version = OrleansRemindersTable.Version + 1
RETURNING Version;
$q$),

('ReadReminderRowsKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version FROM OrleansRemindersTable
WHERE ServiceId = CAST(@ServiceId AS varchar) AND GrainId = CAST(@GrainId AS varchar);
$q$),

('ReadReminderRowKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version FROM OrleansRemindersTable
WHERE ServiceId = CAST(@ServiceId AS varchar) AND GrainId = CAST(@GrainId AS varchar) AND ReminderName = CAST(@ReminderName AS varchar);
$q$),

('ReadRangeRows1Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version FROM OrleansRemindersTable
WHERE ServiceId = CAST(@ServiceId AS varchar) AND GrainHash > CAST(@BeginHash AS integer) AND GrainHash <= CAST(@EndHash AS integer);
$q$),

('ReadRangeRows2Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version FROM OrleansRemindersTable
WHERE ServiceId = CAST(@ServiceId AS varchar) AND (GrainHash > CAST(@BeginHash AS integer) OR GrainHash <= CAST(@EndHash AS integer));
$q$),

('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = CAST(@ServiceId AS varchar) AND GrainId = CAST(@GrainId AS varchar)
      AND ReminderName = CAST(@ReminderName AS varchar) AND Version = CAST(@Version AS integer)
    RETURNING 1)
SELECT CAST(count(*) AS integer) FROM deleted;
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM OrleansRemindersTable WHERE ServiceId = CAST(@ServiceId AS varchar);
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- RunAdapt's own: each athlete's result of each batch, once (the key), however often a retried call computes it.
CREATE TABLE IF NOT EXISTS runadapt_batch_results
(
    batch_id text NOT NULL,
    athlete_id bigint NOT NULL,
    computed_utc timestamptz NOT NULL,
    silo text NOT NULL,
    sessions integer NOT NULL,
    outcome jsonb NOT NULL,
    writes integer NOT NULL DEFAULT 1,
    PRIMARY KEY (batch_id, athlete_id)
);
