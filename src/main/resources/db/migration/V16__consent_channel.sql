-- How the client gave a consent (in writing, electronically, at a meeting, by phone), as the staff
-- member recording it on the case page says. Older consents, and those other agencies' systems
-- record without saying, have none.
alter table consent add column channel varchar(20);
