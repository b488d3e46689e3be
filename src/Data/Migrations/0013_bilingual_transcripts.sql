-- Bilingual transcripts: a message keeps what it was made from, not only its text, so the console can show it
-- again in the coordinator's language (rendered from the same key and arguments) beside her own.
--   message_key      the locale key of a bot message or a coordinator's ready-made reply (signup.ask_branch,
--                    coordinator_replies.call_tomorrow); null on rows written before this migration, on her
--                    messages and on a coordinator's free text.
--   message_args     its named arguments ({"partner_name": "Hanne"}): personal data, erased with the text.
--   message_options  the numbered options and skip hint shown with it (keys and codes only, no personal data).
--   answer_reading   on her reply to a question: how the dialog engine read it (the stored value and the options
--                    it picked), written in the turn that read it so the console never runs a reader again.
ALTER TABLE messages
    ADD COLUMN message_key      text,
    ADD COLUMN message_args     jsonb,
    ADD COLUMN message_options  jsonb,
    ADD COLUMN answer_reading   jsonb;
