-- Signed platform callbacks already taken, by the (timestamp, nonce) pair the platform signed
-- (WeChat's /wechat), so that a request seen once cannot be replayed with another body, on this
-- instance or any other sharing the database. The body's SHA-256 tells a platform's own retry
-- (the same request again) from a replay. Rows are pruned once their timestamp is too old to be
-- accepted anyway, so the table holds a few minutes of callbacks.
create table callback_nonces (
    channel          varchar(20)  not null,
    sent_at          bigint       not null,
    nonce            varchar(64)  not null,
    body_sha256      varchar(64)  not null,
    constraint callback_nonces_pair primary key (channel, sent_at, nonce)
);
create index callback_nonces_sent_at on callback_nonces (sent_at);
