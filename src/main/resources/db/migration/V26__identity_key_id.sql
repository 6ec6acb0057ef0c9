-- Which master key sealed the row's identity code (a short id derived from the key, nothing
-- secret), so that after a change of IDENTITY_KEY the rows still sealed with the previous key are
-- found by a query and sealed again (fi.polku.cases.IdentityKeyRotation). Rows from before this
-- column are null: the rotation reads them with whichever key opens them and fills the id in.
alter table client add column identity_key_id varchar(16);
create index ix_client_identity_key on client (identity_key_id);
