-- Personal upload links (the slides upload page). One is issued per proposal and field and shown
-- again while it stays valid; a POST claims it with a conditional update (used_at is null) before
-- the file is stored, so that a link takes one file whatever the concurrency. A link whose file
-- the bot did not keep is released (used_at back to null) and works again.
create table upload_links (
    id               varchar(36)  not null primary key,
    submission_id    varchar(36)  not null references submissions (id) on delete cascade,
    field_id         varchar(64)  not null,
    channel          varchar(20)  not null,
    chat_id          varchar(128) not null,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    used_at          timestamp with time zone
);
create index upload_links_target on upload_links (submission_id, field_id);
