-- The last submission number given out per event. A confirmation locks its event's row while it
-- picks the next number, so that concurrent confirmations wait for each other instead of
-- colliding on the (event_id, number) key.
create table submission_counters (
    event_id         varchar(64)  not null primary key,
    last_number      integer      not null
);

insert into submission_counters (event_id, last_number)
    select event_id, max(number) from submissions where number is not null group by event_id;
