-- MentorBot's schema for the whole mission: branches, people, consent, conversations, dialogs,
-- matches, meetings and reports, surveys, events, coordinators, timed prompts and the audit log.
-- Conventions: snake_case names; enums as snake_case text; every timestamp is timestamptz in UTC;
-- ids are uuid (version 7, made by the application) except append-only logs (bigint identity).

CREATE TABLE branches (
    id          uuid PRIMARY KEY,
    code        text NOT NULL,
    name        text NOT NULL,
    city        text NOT NULL,
    track       text NOT NULL,
    time_zone   text NOT NULL,
    settings    jsonb NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_branches_code ON branches (code);

CREATE TABLE participants (
    id                        uuid PRIMARY KEY,
    branch_id                 uuid REFERENCES branches (id),
    role                      text NOT NULL,
    track                     text NOT NULL,
    preferred_language        text NOT NULL,
    display_name              text,
    phone                     text,
    status                    text NOT NULL,
    opted_out_at              timestamptz,
    opted_out_via             text,
    permanent_delivery_error  integer,
    created_at                timestamptz NOT NULL,
    updated_at                timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_participants_phone ON participants (phone);
CREATE INDEX ix_participants_branch_id ON participants (branch_id);

CREATE TABLE profiles (
    participant_id       uuid PRIMARY KEY REFERENCES participants (id) ON DELETE CASCADE,
    education_level      text,
    professional_field   text,
    profession           text,
    years_of_experience  integer,
    goals                text[] NOT NULL DEFAULT '{}',
    offers               text[] NOT NULL DEFAULT '{}',
    languages            text[] NOT NULL DEFAULT '{}',
    danish_level         text,
    city                 text,
    availability         text,
    mentor_capacity      integer,
    employer             text,
    partner_company      text,
    updated_at           timestamptz NOT NULL
);

CREATE TABLE channel_identities (
    id              uuid PRIMARY KEY,
    participant_id  uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    channel         text NOT NULL,
    address         text NOT NULL,
    verified_at     timestamptz,
    created_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_channel_identities_channel_address ON channel_identities (channel, address);
CREATE INDEX ix_channel_identities_participant_id ON channel_identities (participant_id);

CREATE TABLE consents (
    id              uuid PRIMARY KEY,
    participant_id  uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    purpose         text NOT NULL,
    text_version    text NOT NULL,
    language        text NOT NULL,
    channel         text NOT NULL,
    given_at        timestamptz NOT NULL,
    withdrawn_at    timestamptz
);
CREATE INDEX ix_consents_participant_id ON consents (participant_id);

CREATE TABLE coordinators (
    id            uuid PRIMARY KEY,
    email         text NOT NULL,
    display_name  text NOT NULL,
    role          text NOT NULL,
    language      text NOT NULL,
    created_at    timestamptz NOT NULL,
    disabled_at   timestamptz
);
CREATE UNIQUE INDEX ix_coordinators_email ON coordinators (lower(email));

CREATE TABLE coordinator_branches (
    coordinator_id  uuid NOT NULL REFERENCES coordinators (id) ON DELETE CASCADE,
    branch_id       uuid NOT NULL REFERENCES branches (id) ON DELETE CASCADE,
    PRIMARY KEY (coordinator_id, branch_id)
);
CREATE INDEX ix_coordinator_branches_branch_id ON coordinator_branches (branch_id);

CREATE TABLE conversations (
    id                       uuid PRIMARY KEY,
    participant_id           uuid REFERENCES participants (id) ON DELETE CASCADE,
    channel                  text NOT NULL,
    channel_conversation_id  text NOT NULL,
    started_at               timestamptz NOT NULL,
    last_activity_at         timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_conversations_channel_conversation ON conversations (channel, channel_conversation_id);
CREATE INDEX ix_conversations_participant_id ON conversations (participant_id);

CREATE TABLE messages (
    id                   uuid PRIMARY KEY,
    conversation_id      uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    participant_id       uuid REFERENCES participants (id) ON DELETE CASCADE,
    channel              text NOT NULL,
    direction            text NOT NULL,
    author               text NOT NULL,
    coordinator_id       uuid REFERENCES coordinators (id) ON DELETE SET NULL,
    text                 text NOT NULL,
    language             text,
    provider_message_id  text,
    delivery_status      text NOT NULL,
    error_code           text,
    error_message        text,
    created_at           timestamptz NOT NULL,
    sent_at              timestamptz,
    delivered_at         timestamptz,
    updated_at           timestamptz NOT NULL
);
-- Twilio retries a webhook with the same MessageSid: this index makes a repeat a no-op.
CREATE UNIQUE INDEX ix_messages_channel_provider_message_id ON messages (channel, provider_message_id)
    WHERE provider_message_id IS NOT NULL;
CREATE INDEX ix_messages_participant_created ON messages (participant_id, created_at);
CREATE INDEX ix_messages_conversation_created ON messages (conversation_id, created_at);
-- The outbox: outbound messages not yet handed to a provider.
CREATE INDEX ix_messages_outbox ON messages (created_at) WHERE direction = 'outbound' AND delivery_status = 'queued';

CREATE TABLE dialog_sessions (
    id              uuid PRIMARY KEY,
    participant_id  uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    dialog_id       text NOT NULL,
    dialog_version  integer NOT NULL,
    step_id         text NOT NULL,
    state           jsonb NOT NULL DEFAULT '{}',
    status          text NOT NULL,
    started_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    ended_at        timestamptz
);
-- One dialog at a time per person.
CREATE UNIQUE INDEX ix_dialog_sessions_one_active ON dialog_sessions (participant_id) WHERE status = 'active';

CREATE TABLE matches (
    id               uuid PRIMARY KEY,
    branch_id        uuid NOT NULL REFERENCES branches (id),
    mentee_id        uuid NOT NULL REFERENCES participants (id),
    mentor_id        uuid NOT NULL REFERENCES participants (id),
    status           text NOT NULL,
    score            double precision,
    requested_at     timestamptz NOT NULL,
    responded_at     timestamptz,
    started_at       timestamptz,
    planned_end_at   timestamptz,
    ended_at         timestamptz,
    decline_reason   text,
    end_reason       text,
    at_risk          boolean NOT NULL DEFAULT false,
    CHECK (mentee_id <> mentor_id)
);
CREATE INDEX ix_matches_mentor_status ON matches (mentor_id, status);
CREATE INDEX ix_matches_mentee_status ON matches (mentee_id, status);
CREATE INDEX ix_matches_branch_status ON matches (branch_id, status);

CREATE TABLE match_status_changes (
    id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    match_id     uuid NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    from_status  text,
    to_status    text NOT NULL,
    changed_by   text NOT NULL,
    actor_id     uuid,
    reason       text,
    changed_at   timestamptz NOT NULL
);
CREATE INDEX ix_match_status_changes_match_id ON match_status_changes (match_id, changed_at);

CREATE TABLE blocked_pairs (
    mentee_id       uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    mentor_id       uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    coordinator_id  uuid REFERENCES coordinators (id) ON DELETE SET NULL,
    reason          text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (mentee_id, mentor_id)
);
CREATE INDEX ix_blocked_pairs_mentor_id ON blocked_pairs (mentor_id);

CREATE TABLE meetings (
    id          uuid PRIMARY KEY,
    match_id    uuid NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    planned_on  date,
    held_on     date,
    created_at  timestamptz NOT NULL
);
CREATE INDEX ix_meetings_match_id ON meetings (match_id);

CREATE TABLE meeting_reports (
    id               uuid PRIMARY KEY,
    match_id         uuid NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    meeting_id       uuid REFERENCES meetings (id) ON DELETE SET NULL,
    reporter_id      uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    reporter_role    text NOT NULL,
    met              boolean NOT NULL,
    met_on           date,
    topics           text[] NOT NULL DEFAULT '{}',
    note             text,
    next_meeting_on  date,
    channel          text NOT NULL,
    submitted_at     timestamptz NOT NULL
);
CREATE INDEX ix_meeting_reports_match_submitted ON meeting_reports (match_id, submitted_at);
CREATE INDEX ix_meeting_reports_reporter_id ON meeting_reports (reporter_id);

CREATE TABLE survey_definitions (
    id          uuid PRIMARY KEY,
    kind        text NOT NULL,
    version     integer NOT NULL,
    dialog_id   text NOT NULL,
    indicators  text[] NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_survey_definitions_kind_version ON survey_definitions (kind, version);

CREATE TABLE survey_instances (
    id              uuid PRIMARY KEY,
    definition_id   uuid NOT NULL REFERENCES survey_definitions (id),
    participant_id  uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    match_id        uuid REFERENCES matches (id) ON DELETE CASCADE,
    status          text NOT NULL,
    sent_at         timestamptz NOT NULL,
    completed_at    timestamptz
);
CREATE INDEX ix_survey_instances_participant_id ON survey_instances (participant_id);
CREATE INDEX ix_survey_instances_match_id ON survey_instances (match_id);

CREATE TABLE survey_answers (
    id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    instance_id  uuid NOT NULL REFERENCES survey_instances (id) ON DELETE CASCADE,
    indicator    text NOT NULL,
    choice       text,
    number       integer,
    choices      text[] NOT NULL DEFAULT '{}',
    answered_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_survey_answers_instance_indicator ON survey_answers (instance_id, indicator);

CREATE TABLE events (
    id                 uuid PRIMARY KEY,
    branch_id          uuid NOT NULL REFERENCES branches (id),
    kind               text NOT NULL,
    title              text NOT NULL,
    location           text,
    starts_at          timestamptz NOT NULL,
    ends_at            timestamptz,
    capacity           integer,
    guests_allowed     boolean NOT NULL DEFAULT false,
    childcare_offered  boolean NOT NULL DEFAULT false,
    published_at       timestamptz,
    cancelled_at       timestamptz,
    created_at         timestamptz NOT NULL
);
CREATE INDEX ix_events_branch_starts ON events (branch_id, starts_at);

CREATE TABLE event_registrations (
    id                uuid PRIMARY KEY,
    event_id          uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    participant_id    uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    status            text NOT NULL,
    guests            integer NOT NULL DEFAULT 0,
    childcare_needed  boolean NOT NULL DEFAULT false,
    children_ages     integer[] NOT NULL DEFAULT '{}',
    attended          boolean,
    invited_at        timestamptz NOT NULL,
    responded_at      timestamptz
);
CREATE UNIQUE INDEX ix_event_registrations_event_participant ON event_registrations (event_id, participant_id);
CREATE INDEX ix_event_registrations_participant_id ON event_registrations (participant_id);

CREATE TABLE handovers (
    id              uuid PRIMARY KEY,
    participant_id  uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    status          text NOT NULL,
    reason          text,
    coordinator_id  uuid REFERENCES coordinators (id) ON DELETE SET NULL,
    requested_at    timestamptz NOT NULL,
    taken_over_at   timestamptz,
    released_at     timestamptz
);
-- At most one open handover per person.
CREATE UNIQUE INDEX ix_handovers_one_open ON handovers (participant_id) WHERE status <> 'released';

CREATE TABLE scheduled_prompts (
    id              uuid PRIMARY KEY,
    participant_id  uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    match_id        uuid REFERENCES matches (id) ON DELETE CASCADE,
    event_id        uuid REFERENCES events (id) ON DELETE CASCADE,
    kind            text NOT NULL,
    dialog_id       text NOT NULL,
    occurrence_key  text NOT NULL,
    status          text NOT NULL,
    due_at          timestamptz NOT NULL,
    sent_at         timestamptz,
    attempts        integer NOT NULL DEFAULT 0,
    last_error      text,
    created_at      timestamptz NOT NULL
);
-- Once per occurrence, whatever the number of nodes, retries and restarts.
CREATE UNIQUE INDEX ix_scheduled_prompts_occurrence_key ON scheduled_prompts (occurrence_key);
CREATE INDEX ix_scheduled_prompts_due ON scheduled_prompts (status, due_at);
CREATE INDEX ix_scheduled_prompts_participant_id ON scheduled_prompts (participant_id);
CREATE INDEX ix_scheduled_prompts_match_id ON scheduled_prompts (match_id);

-- Append-only, no foreign keys: the trail outlives what it mentions, and holds ids, not personal data.
CREATE TABLE audit_log (
    id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at            timestamptz NOT NULL,
    actor_kind    text NOT NULL,
    actor_id      uuid,
    action        text NOT NULL,
    subject_kind  text,
    subject_id    uuid,
    branch_id     uuid,
    details       jsonb
);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_subject ON audit_log (subject_kind, subject_id);
