-- The programme evaluation's read model (issue 14): each module publishes the few columns the
-- evaluation's one pass over the path instances joins, as a view it owns, and names the view in
-- its Java API (ClientCaseRecords, ReferralRecords, HealthCheckRecords, HandoverRecords) so the
-- module check sees the dependency. The evaluation reads these views and the engine's history,
-- never the modules' tables; a module may change its tables as long as its view still answers.

-- cases: each case's client and municipality (the report's filter and its client counts).
create view client_case_evaluation as
  select case_number, client_id, municipality from client_case;

-- referral (path 1): how each referral came in, by its process instance.
create view referral_evaluation as
  select process_instance_id, way_in from referral;

-- healthcheck (path 2): how the check came in, its booking, the check itself and the route after it.
create view health_check_evaluation as
  select case_number, way_in, booked_at, checked_at, route from health_check;

-- handover (path 3): when the job ended, the path the coordinator chose and the client's rating.
create view handover_evaluation as
  select case_number, job_loss_at, follow_on_path, client_experience from handover;
