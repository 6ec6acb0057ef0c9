-- Issue 17: the client tells their story once. Numbered after the issue, not 6, so that it does
-- not collide with a migration another branch adds meanwhile.

-- The health check's content, so it can travel with consent as case content (GET /api/cases):
-- the nurse's findings (health scope), the health plan made with the client, the client's own
-- view and the routing decision's reason (plan scope).
alter table health_check add column findings varchar(4000);
alter table health_check add column health_plan varchar(4000);
alter table health_check add column client_view varchar(2000);
alter table health_check add column route_reason varchar(500);

-- The WHODAS 2.0 flag the scoring gave with the sum, so a later path can use a recent
-- measurement instead of asking the twelve questions again.
alter table work_ability_measurement add column flag varchar(10);
