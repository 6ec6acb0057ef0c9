-- One mail-delivery instance sends every mail a transaction queued (docs/performance.md, "Mail"):
-- each further row of the transaction names the first row, whose delivery sends them all.
-- Rows queued before this change have none and are sent alone, as before.
alter table mail_outbox add column delivery_id bigint;
create index ix_mail_outbox_delivery on mail_outbox (delivery_id);
