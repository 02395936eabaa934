-- A speaker's right to be forgotten. Their proposals stay as tombstones (code, event, state
-- DELETED, dates) so that organizers' numbers and codes stay consistent, but no longer point at a
-- person: the speaker's row is deleted, and the tombstones' speaker_id is null.
alter table submissions alter column speaker_id drop not null;

-- The chat a handled message came from, so that forgetting a speaker can find the replies stored
-- for their messages (WeChat's passive replies repeat the answers). Rows written before this
-- migration have none; they are pruned with the rest after a week.
alter table inbox add column chat_id varchar(128);
create index inbox_chat on inbox (channel, chat_id);
