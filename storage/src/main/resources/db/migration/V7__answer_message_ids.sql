-- The platform's id of the message that gave a typed answer (Telegram's message_id), so that an
-- edit of that message can be applied to the answer it gave. Null for answers given otherwise.
alter table answers add column message_id varchar(64);
