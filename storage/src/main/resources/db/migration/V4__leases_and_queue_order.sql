-- Work that one instance of several does at a time (the scheduler) is held under a lease: a row
-- naming the holder until a time. A holder that dies stops renewing it, and another takes over.
create table leases (
    name             varchar(100) not null primary key,
    holder           varchar(100) not null,
    expires_at       timestamp with time zone not null
);

-- The platform's own order of updates (Telegram's update_id): instances may store a chat's
-- updates in another order than they were sent.
alter table inbound_queue add column sort_key bigint;
update inbound_queue set sort_key = seq;
alter table inbound_queue alter column sort_key set not null;
create index inbound_queue_chat on inbound_queue (channel, chat_id, sort_key);
