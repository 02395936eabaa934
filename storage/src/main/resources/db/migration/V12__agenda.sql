-- From accepted talk to published agenda: the order of the talks, what was published, one-time
-- messages to speakers, and the place last told.

-- Which confirmed talk is in which of an event's talk slots (numbered from 1, in the programme's
-- order). Empty until an organizer moves a talk or publishes the agenda: until then the order is
-- proposed afresh from the review scores.
create table agenda_slots (
    event_id         varchar(64)  not null,
    slot             integer      not null,
    submission_id    varchar(36)  not null references submissions (id) on delete cascade,
    primary key (event_id, slot),
    constraint agenda_slots_submission unique (submission_id)
);

-- What the last publication put where, and when each talk started: the next one says what
-- changed. Codes and times only: the talks' public fields are read when shown.
create table agenda_published (
    event_id         varchar(64)  not null,
    submission_id    varchar(36)  not null references submissions (id) on delete cascade,
    slot             integer      not null,
    starts_at        timestamp with time zone not null,
    primary key (event_id, submission_id)
);

-- Each publication of an event's agenda.
create table agenda_publications (
    event_id         varchar(64)  not null,
    version          integer      not null,
    published_at     timestamp with time zone not null,
    actor            varchar(200) not null,
    primary key (event_id, version)
);

-- Messages a proposal's speaker gets once (the reminder to confirm): never twice, on any instance.
create table speaker_notices (
    submission_id    varchar(36)  not null references submissions (id) on delete cascade,
    kind             varchar(30)  not null,
    sent_at          timestamp with time zone not null,
    primary key (submission_id, kind)
);

-- The place of each event as the bot last told it: a new place in the configuration is told to
-- the confirmed speakers once.
create table event_places (
    event_id         varchar(64)   not null primary key,
    place            varchar(1000) not null,
    noted_at         timestamp with time zone not null
);
