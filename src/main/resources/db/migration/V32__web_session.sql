-- Web sessions of Tasklist, Cockpit, Admin, the case pages and the evaluation page, kept in the
-- database so that every node behind the load balancer knows every login and CSRF token
-- (Spring Session JDBC; docs/deployment.md, "Two or more nodes"). Portable SQL (H2 and PostgreSQL).
-- The column names are the ones Spring Session's queries use; spring.session.jdbc.table-name names
-- the tables. Each node deletes the expired sessions every minute (spring.session.jdbc.cleanup-cron).
create table web_session (
  primary_id             char(36)     not null,
  -- What the session cookie carries; changes at login (no session fixation).
  session_id             char(36)     not null,
  -- Milliseconds since 1970.
  creation_time          bigint       not null,
  last_access_time       bigint       not null,
  -- Seconds of inactivity before the session ends (server.servlet.session.timeout).
  max_inactive_interval  integer      not null,
  expiry_time            bigint       not null,
  principal_name         varchar(100),
  constraint pk_web_session primary key (primary_id)
);
create unique index ux_web_session_id on web_session (session_id);
create index ix_web_session_expiry on web_session (expiry_time);
create index ix_web_session_principal on web_session (principal_name);

-- The session's values, each Java-serialized: the webapps' login (who, which groups and apps), the
-- CSRF token, the case pages' and the evaluation page's login. No client data.
create table web_session_attributes (
  session_primary_id  char(36)     not null,
  attribute_name      varchar(200) not null,
  attribute_bytes     bytea        not null,
  constraint pk_web_session_attributes primary key (session_primary_id, attribute_name),
  constraint fk_web_session_attributes_session foreign key (session_primary_id)
    references web_session (primary_id) on delete cascade
);
