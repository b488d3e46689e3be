-- Suggestions score every mentor with a free place, thousands of them, on every "show me mentors". Each
-- node keeps all mentors in memory and, per question, reads only the mentors whose rows changed since its
-- last read. These triggers note such a mentor here, stamped with the writing transaction's id, so a reader
-- can ask "which changes could my last snapshot not see?" (txid not visible in it): commit order, not
-- insertion order, decides, which a sequence number alone could not tell.
CREATE TABLE mentor_changes (
    txid        xid8 NOT NULL DEFAULT pg_current_xact_id(),
    mentor_id   uuid NOT NULL,
    -- clock_timestamp, not now(): the time the row was written, for pruning rows no reader can still need.
    changed_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ix_mentor_changes_txid ON mentor_changes (txid);
CREATE INDEX ix_mentor_changes_changed_at ON mentor_changes (changed_at);

-- A participant who is or was a mentor: her status, opt-out, branch, track, name.
CREATE FUNCTION note_mentor_participant_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.role = 'mentor' THEN
        INSERT INTO mentor_changes (mentor_id) VALUES (OLD.id);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.role = 'mentor' AND (TG_OP = 'INSERT' OR OLD.role <> 'mentor' OR OLD.id <> NEW.id) THEN
        INSERT INTO mentor_changes (mentor_id) VALUES (NEW.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER participants_note_mentor_insert AFTER INSERT ON participants
    FOR EACH ROW WHEN (NEW.role = 'mentor') EXECUTE FUNCTION note_mentor_participant_change();
CREATE TRIGGER participants_note_mentor_update AFTER UPDATE ON participants
    FOR EACH ROW WHEN (OLD.role = 'mentor' OR NEW.role = 'mentor') EXECUTE FUNCTION note_mentor_participant_change();
CREATE TRIGGER participants_note_mentor_delete AFTER DELETE ON participants
    FOR EACH ROW WHEN (OLD.role = 'mentor') EXECUTE FUNCTION note_mentor_participant_change();

-- Her profile: field, profession, languages, capacity, partner company.
CREATE FUNCTION note_mentor_profile_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO mentor_changes (mentor_id) SELECT id FROM participants WHERE id = OLD.participant_id AND role = 'mentor';
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD.participant_id <> NEW.participant_id) THEN
        INSERT INTO mentor_changes (mentor_id) SELECT id FROM participants WHERE id = NEW.participant_id AND role = 'mentor';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER profiles_note_mentor_change AFTER INSERT OR UPDATE OR DELETE ON profiles
    FOR EACH ROW EXECUTE FUNCTION note_mentor_profile_change();

-- Her load and open requests: a match's status or mentor changing (other columns don't count).
CREATE FUNCTION note_mentor_match_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO mentor_changes (mentor_id) VALUES (OLD.mentor_id);
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD.mentor_id <> NEW.mentor_id) THEN
        INSERT INTO mentor_changes (mentor_id) VALUES (NEW.mentor_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER matches_note_mentor_insert_delete AFTER INSERT OR DELETE ON matches
    FOR EACH ROW EXECUTE FUNCTION note_mentor_match_change();
CREATE TRIGGER matches_note_mentor_update AFTER UPDATE ON matches
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.mentor_id <> NEW.mentor_id)
    EXECUTE FUNCTION note_mentor_match_change();

-- A branch's code is shown in a suggestion: renaming it changes every mentor of the branch.
CREATE FUNCTION note_mentor_branch_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO mentor_changes (mentor_id) SELECT id FROM participants WHERE branch_id = NEW.id AND role = 'mentor';
    RETURN NULL;
END
$$;

CREATE TRIGGER branches_note_mentor_change AFTER UPDATE ON branches
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION note_mentor_branch_change();
