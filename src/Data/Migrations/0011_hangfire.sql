-- Hangfire replaces Quartz.NET as the scheduler of every timed job.
--
-- Quartz created its qrtz_* tables itself at a node's first start; nothing reads them any more.
DROP TABLE IF EXISTS qrtz_fired_triggers, qrtz_paused_trigger_grps, qrtz_scheduler_state, qrtz_locks,
    qrtz_simple_triggers, qrtz_simprop_triggers, qrtz_cron_triggers, qrtz_blob_triggers, qrtz_triggers,
    qrtz_job_details, qrtz_calendars CASCADE;

-- Hangfire.PostgreSql's own objects, created here so the app's database role needs no CREATE on the database
-- (the nodes start Hangfire with PrepareSchemaIfNecessary = false). This is the schema its installer leaves after
-- its scripts v3 to v23 (Hangfire.PostgreSql 1.21.1), as pg_dump shows it; schema.version 23 tells it nothing is
-- left to install. A later Hangfire.PostgreSql with a new script version needs a migration of its own.
CREATE SCHEMA hangfire;

CREATE TABLE hangfire.schema (
    version integer NOT NULL PRIMARY KEY
);
INSERT INTO hangfire.schema (version) VALUES (23);

CREATE TABLE hangfire.job (
    id              bigserial PRIMARY KEY,
    stateid         bigint,
    statename       text,
    invocationdata  jsonb NOT NULL,
    arguments       jsonb NOT NULL,
    createdat       timestamp with time zone NOT NULL,
    expireat        timestamp with time zone,
    updatecount     integer NOT NULL DEFAULT 0
);
CREATE INDEX ix_hangfire_job_expireat ON hangfire.job (expireat);
CREATE INDEX ix_hangfire_job_statename ON hangfire.job (statename);
CREATE INDEX ix_hangfire_job_statename_is_not_null ON hangfire.job (statename) INCLUDE (id) WHERE statename IS NOT NULL;

CREATE TABLE hangfire.state (
    id           bigserial PRIMARY KEY,
    jobid        bigint NOT NULL REFERENCES hangfire.job (id) ON UPDATE CASCADE ON DELETE CASCADE,
    name         text NOT NULL,
    reason       text,
    createdat    timestamp with time zone NOT NULL,
    data         jsonb,
    updatecount  integer NOT NULL DEFAULT 0
);
CREATE INDEX ix_hangfire_state_jobid ON hangfire.state (jobid);

CREATE TABLE hangfire.jobparameter (
    id           bigserial PRIMARY KEY,
    jobid        bigint NOT NULL REFERENCES hangfire.job (id) ON UPDATE CASCADE ON DELETE CASCADE,
    name         text NOT NULL,
    value        text,
    updatecount  integer NOT NULL DEFAULT 0
);
CREATE INDEX ix_hangfire_jobparameter_jobidandname ON hangfire.jobparameter (jobid, name);

CREATE TABLE hangfire.jobqueue (
    id           bigserial PRIMARY KEY,
    jobid        bigint NOT NULL,
    queue        text NOT NULL,
    fetchedat    timestamp with time zone,
    updatecount  integer NOT NULL DEFAULT 0
);
CREATE INDEX ix_hangfire_jobqueue_fetchedat_queue_jobid ON hangfire.jobqueue (fetchedat NULLS FIRST, queue, jobid);
CREATE INDEX ix_hangfire_jobqueue_jobidandqueue ON hangfire.jobqueue (jobid, queue);
CREATE INDEX ix_hangfire_jobqueue_queueandfetchedat ON hangfire.jobqueue (queue, fetchedat);

CREATE TABLE hangfire.server (
    id             text PRIMARY KEY,
    data           jsonb,
    lastheartbeat  timestamp with time zone NOT NULL,
    updatecount    integer NOT NULL DEFAULT 0
);

CREATE TABLE hangfire.lock (
    resource     text NOT NULL,
    updatecount  integer NOT NULL DEFAULT 0,
    acquired     timestamp with time zone,
    CONSTRAINT lock_resource_key UNIQUE (resource)
);
ALTER TABLE hangfire.lock REPLICA IDENTITY USING INDEX lock_resource_key;

CREATE TABLE hangfire.counter (
    id        bigserial PRIMARY KEY,
    key       text NOT NULL,
    value     bigint NOT NULL,
    expireat  timestamp with time zone
);
CREATE INDEX ix_hangfire_counter_expireat ON hangfire.counter (expireat);
CREATE INDEX ix_hangfire_counter_key ON hangfire.counter (key);

CREATE TABLE hangfire.aggregatedcounter (
    id        bigserial PRIMARY KEY,
    key       text NOT NULL UNIQUE,
    value     bigint NOT NULL,
    expireat  timestamp with time zone
);

CREATE TABLE hangfire.hash (
    id           bigserial PRIMARY KEY,
    key          text NOT NULL,
    field        text NOT NULL,
    value        text,
    expireat     timestamp with time zone,
    updatecount  integer NOT NULL DEFAULT 0,
    UNIQUE (key, field)
);
CREATE INDEX ix_hangfire_hash_expireat ON hangfire.hash (expireat);

CREATE TABLE hangfire.list (
    id           bigserial PRIMARY KEY,
    key          text NOT NULL,
    value        text,
    expireat     timestamp with time zone,
    updatecount  integer NOT NULL DEFAULT 0
);
CREATE INDEX ix_hangfire_list_expireat ON hangfire.list (expireat);

CREATE TABLE hangfire.set (
    id           bigserial PRIMARY KEY,
    key          text NOT NULL,
    score        double precision NOT NULL,
    value        text NOT NULL,
    expireat     timestamp with time zone,
    updatecount  integer NOT NULL DEFAULT 0,
    UNIQUE (key, value)
);
CREATE INDEX ix_hangfire_set_expireat ON hangfire.set (expireat);
CREATE INDEX ix_hangfire_set_key_score ON hangfire.set (key, score);
