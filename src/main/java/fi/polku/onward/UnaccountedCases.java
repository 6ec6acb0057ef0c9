package fi.polku.onward;

import fi.polku.cases.ModelName;
import fi.polku.calendar.WorkingDays;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unaccounted cases (docs/processes/onward-referral.md, "Tilittämättömät asiakkaat"): clients
 * no one in Polku is responsible for now. A case is accounted for while it has an open path (every
 * path's step has a responsible group), an onward referral its receiver accepted or one still
 * waiting within its deadline (the sender's group keeps responsibility meanwhile), or when its
 * last word is a closing end state with a reason. It is unaccounted when
 *
 * <ul>
 *   <li>one of its onward referrals is rejected, or unanswered past its deadline, and the sender
 *       has not decided yet (from the record: {@link OnwardReferrals#unaccounted()}); a path
 *       waiting for that answer does not account for the client, it waits for the very answer
 *       that did not come; or
 *   <li>a path of the case ended at a hand-off end event ({@link #isHandOff}: "referred
 *       elsewhere"), nothing of the case runs or ended after it, and no onward referral of the case
 *       was made since that path started, so no receiver ever took the client.
 * </ul>
 *
 * <p>Every other end event is a closing end state whose name is its reason. The rule reads the
 * end state from the engine's history ({@code act_hi_procinst.end_act_id_}), so it holds for
 * instances of older model versions too: an id stays in {@link #HAND_OFF_ENDS} after a model stops
 * using it, for the instances that ended there.
 */
@Service
public class UnaccountedCases {

  /**
   * The end events after which a path has handed the client to someone outside it ("referred
   * elsewhere"): by path (process key), the end event ids. Besides these, every end event of a path
   * whose name begins with {@link #HAND_OFF_NAME} is one, so a new end state of that kind counts
   * without a change here. Listing one too many is harmless: a path that sent the client on with an
   * onward referral is accounted for by that referral.
   */
  public static final Map<String, Set<String>> HAND_OFF_ENDS = Map.of(
      "te-referral", Set.of("EndEvent_ReferredToSpecialistCare"),
      "health-check-invitation", Set.of("EndEvent_ReferredOnward"));

  /** The beginning of a hand-off end state's name in the models (docs/modelling.md: end states are named in Finnish). */
  public static final String HAND_OFF_NAME = "Ohjattu ";

  /** Whether the end event of the path is a hand-off end state: listed, or named "Ohjattu …". */
  public static boolean isHandOff(String processKey, String endEventId, String endEventName) {
    if (INTERNAL_PROCESSES.contains(processKey)) {
      return false;
    }
    return HAND_OFF_ENDS.getOrDefault(processKey, Set.of()).contains(endEventId)
        || endEventName != null && endEventName.startsWith(HAND_OFF_NAME);
  }

  /** Processes that serve the paths and are no path of their own (as in the case status). */
  static final Set<String> INTERNAL_PROCESSES = Set.of("mail-delivery", OnwardReferralModel.PROCESS_KEY);

  /** Why a case is unaccounted. */
  public enum Gap {
    ONWARD_REJECTED("onward-rejected", "Jatko-ohjaus palautettu, lähettäjä ei ole päättänyt jatkosta"),
    ONWARD_UNANSWERED("onward-unanswered", "Jatko-ohjaukseen ei vastattu määräajassa, lähettäjä ei ole päättänyt jatkosta"),
    HAND_OFF_END("hand-off-end", "Polku päättyi ohjaukseen muualle, eikä kukaan ottanut asiakasta vastaan");

    private final String code;
    private final String finnishName;

    Gap(String code, String finnishName) {
      this.code = code;
      this.finnishName = finnishName;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
      return code;
    }

    public String finnishName() {
      return finnishName;
    }
  }

  /**
   * One reason the case is unaccounted, since when.
   *
   * @param what in Finnish: the service the referral went to, or the path and its end state
   * @param onwardReferralId the onward referral, for the referral gaps
   * @param responsibleGroup the sender's group that decides (referral gaps), or null
   */
  public record Reason(Gap gap, String what, Instant since, Long onwardReferralId, String service,
      String responsibleGroup, String responsibleWorker) {}

  /**
   * An unaccounted case, since its earliest reason, and how long that is now: working days after
   * that day up to today (Finnish calendar) and the exact duration.
   */
  public record UnaccountedCase(String caseNumber, String municipality, Instant since, long workingDays,
      Duration duration, List<Reason> reasons) {}

  private final JdbcTemplate jdbc;
  private final OnwardReferrals referrals;
  private final WorkingDays workingDays;
  private final Clock clock;

  UnaccountedCases(JdbcTemplate jdbc, OnwardReferrals referrals, WorkingDays workingDays, Clock clock) {
    this.jdbc = jdbc;
    this.referrals = referrals;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  /** Every unaccounted case, longest first. */
  @Transactional(readOnly = true)
  public List<UnaccountedCase> list() {
    Map<String, List<Reason>> byCase = new LinkedHashMap<>();
    for (OnwardReferral referral : referrals.unaccounted()) {
      Gap gap = referral.status() == OnwardStatus.REJECTED ? Gap.ONWARD_REJECTED : Gap.ONWARD_UNANSWERED;
      byCase.computeIfAbsent(referral.caseNumber(), key -> new ArrayList<>()).add(new Reason(gap,
          referral.service().finnishName(), referral.unaccountedSince(), referral.id(), referral.service().code(),
          referral.responsibleGroup(), referral.responsibleWorker()));
    }
    handOffs().forEach(reason -> byCase.computeIfAbsent(reason.caseNumber, key -> new ArrayList<>()).add(reason.reason));
    Map<String, String> municipalities = municipalities(byCase.keySet());
    Instant now = clock.instant();
    List<UnaccountedCase> cases = new ArrayList<>();
    byCase.forEach((caseNumber, reasons) -> {
      reasons.sort(Comparator.comparing(Reason::since));
      Instant since = reasons.get(0).since();
      cases.add(new UnaccountedCase(caseNumber, municipalities.get(caseNumber), since,
          workingDaysSince(since, now), Duration.between(since, now).isNegative() ? Duration.ZERO : Duration.between(since, now),
          List.copyOf(reasons)));
    });
    cases.sort(Comparator.comparing(UnaccountedCase::since).thenComparing(UnaccountedCase::caseNumber));
    return cases;
  }

  /** The unaccounted cases of a municipality (all when empty). */
  public List<UnaccountedCase> list(Optional<String> municipality) {
    return list().stream().filter(c -> municipality.isEmpty() || municipality.get().equalsIgnoreCase(c.municipality()))
        .toList();
  }

  /** Working days after the day of {@code since} up to today: 0 on the day it began. */
  long workingDaysSince(Instant since, Instant now) {
    var from = since.atZone(WorkingDays.FINLAND).toLocalDate();
    var to = now.atZone(WorkingDays.FINLAND).toLocalDate();
    return to.isBefore(from) ? 0 : workingDays.workingDaysBetween(from, to);
  }

  private record CaseReason(String caseNumber, Reason reason) {}

  /** The paths that ended at a hand-off and were never followed by anything: see the class comment. */
  private List<CaseReason> handOffs() {
    List<Object> args = new ArrayList<>();
    List<String> pairs = new ArrayList<>();
    new TreeMap<>(HAND_OFF_ENDS).forEach((path, ends) -> ends.stream().sorted().forEach(end -> {
      pairs.add("(p.proc_def_key_ = ? and p.end_act_id_ = ?)");
      args.add(path);
      args.add(end);
    }));
    pairs.add("a.act_name_ like ?");
    args.add(HAND_OFF_NAME + "%");
    String internal = INTERNAL_PROCESSES.stream().sorted().map(key -> "'" + key + "'").collect(Collectors.joining(", "));
    String sql = "select p.business_key_, p.end_time_, d.name_, a.act_name_, p.proc_def_key_, p.end_act_id_"
        + " from act_hi_procinst p join act_re_procdef d on d.id_ = p.proc_def_id_"
        + " join act_hi_actinst a on a.proc_inst_id_ = p.id_ and a.act_id_ = p.end_act_id_ and a.end_time_ is not null"
        + " where (" + String.join(" or ", pairs) + ") and p.proc_def_key_ not in (" + internal + ")"
        + " and p.end_time_ is not null and p.business_key_ is not null"
        // Nothing of the case runs now or ended after it.
        + " and not exists (select 1 from act_hi_procinst r where r.business_key_ = p.business_key_ and r.id_ <> p.id_"
        + " and r.proc_def_key_ not in (" + internal + ") and (r.end_time_ is null or r.end_time_ > p.end_time_))"
        // No onward referral of the case since the path started: each would account for it or be listed itself.
        + " and not exists (select 1 from onward_referral o where o.case_number = p.business_key_"
        + " and o.created_at >= p.start_time_)"
        + " order by p.end_time_";
    Map<String, CaseReason> latest = new LinkedHashMap<>();
    jdbc.query(sql, rs -> {
      if (!isHandOff(rs.getString(5), rs.getString(6), rs.getString(4))) {
        return;
      }
      String caseNumber = rs.getString(1);
      Instant ended = rs.getTimestamp(2).toInstant();
      String what = rs.getString(3) + ": " + ModelName.shown(rs.getString(4));
      latest.put(caseNumber, new CaseReason(caseNumber, new Reason(Gap.HAND_OFF_END, what, ended, null, null, null, null)));
    }, args.toArray());
    return List.copyOf(latest.values());
  }

  private Map<String, String> municipalities(Set<String> caseNumbers) {
    Map<String, String> found = new LinkedHashMap<>();
    if (caseNumbers.isEmpty()) {
      return found;
    }
    List<String> numbers = List.copyOf(caseNumbers);
    for (int from = 0; from < numbers.size(); from += 500) {
      List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + 500));
      jdbc.query("select case_number, municipality from client_case where case_number in ("
          + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
          rs -> {
            found.put(rs.getString(1), rs.getString(2));
          }, chunk.toArray());
    }
    return found;
  }
}
