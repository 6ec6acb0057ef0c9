package fi.polku.responsible;

import fi.polku.cases.ClientCaseService;
import fi.polku.cases.ClientLanguage;
import fi.polku.notify.ClientNotices;
import fi.polku.security.StaffGroup;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The named person responsible for each case (vastuutyöntekijä; the case manager, asiakasvastaava,
 * once one is named), with the history of who was responsible when and why. A new responsible
 * worker takes over the case's tasks; the client is mailed when a case manager is named or changed.
 */
@Service
public class ResponsibleWorkers {

  private static final Logger LOG = LoggerFactory.getLogger(ResponsibleWorkers.class);

  private final JdbcTemplate jdbc;
  private final StaffDirectory staff;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ClientCaseService cases;
  private final ClientNotices clients;
  private final Clock clock;

  ResponsibleWorkers(JdbcTemplate jdbc, StaffDirectory staff, TaskService tasks, RuntimeService runtime,
      ClientCaseService cases, ClientNotices clients, Clock clock) {
    this.jdbc = jdbc;
    this.staff = staff;
    this.tasks = tasks;
    this.runtime = runtime;
    this.cases = cases;
    this.clients = clients;
    this.clock = clock;
  }

  /** A user a case can be handed to, as a select offers them. */
  public record Candidate(String userId, String label) {}

  /** Who is responsible for the case now, if anyone is. */
  public Optional<Responsible> current(String caseNumber) {
    return spells("where case_number = ? and until is null", caseNumber).stream().findFirst();
  }

  /** Every spell of responsibility for the case, newest first. */
  public List<Responsible> history(String caseNumber) {
    return spells("where case_number = ?", caseNumber);
  }

  /** The cases the user is responsible for now. */
  public List<String> casesOf(String userId) {
    return jdbc.queryForList("select case_number from case_responsible where user_id = ? and until is null order by since desc",
        String.class, userId);
  }

  /** The staff a case can be handed to: every member of a staff group, by name. */
  public List<Candidate> candidates() {
    return staff.members(StaffGroup.ids()).stream().map(person -> new Candidate(person.userId(), person.label())).toList();
  }

  /** Whether the user may hand the case to someone else: a team lead, or the case's responsible worker. */
  public boolean mayChange(String caseNumber, String userId, List<String> groups) {
    return groups.contains(StaffGroup.TEAM_LEAD.id()) || groups.contains(StaffGroup.ADMIN_GROUP)
        || current(caseNumber).map(now -> now.userId().equals(userId)).orElse(false);
  }

  /**
   * "Vaihda asiakasvastaava": hands the case to another member of staff with a hand-over note. The
   * case's open tasks move with it, and the client is told who the new case manager is.
   *
   * @throws InvalidChangeException naming the field that is wrong
   */
  @Transactional
  public Responsible change(String caseNumber, String newUserId, String note, String changedBy, List<String> changerGroups) {
    if (!mayChange(caseNumber, changedBy, changerGroups)) {
      throw new InvalidChangeException("changedBy", "only a team lead or the current case manager hands a case over");
    }
    if (staff.staff(newUserId).isEmpty()) {
      throw new InvalidChangeException("newUser", "not a member of staff");
    }
    if (note == null || note.isBlank()) {
      throw new InvalidChangeException("note", "required");
    }
    if (note.length() > 2000) {
      throw new InvalidChangeException("note", "at most 2000 characters");
    }
    if (current(caseNumber).map(now -> now.userId().equals(newUserId) && now.caseManager()).orElse(false)) {
      throw new InvalidChangeException("newUser", "already the case manager");
    }
    return take(caseNumber, newUserId, Reason.CHANGE, note.trim(), changedBy, signingPath(caseNumber), Set.of(), true)
        .orElseThrow();
  }

  /**
   * Makes the user responsible for the case because of the reason (a step of a path), unless they
   * already are, or the reason is an intake step and a case manager has been named.
   *
   * @param path the process key whose unit signs the client's mail
   * @param skipTaskIds tasks not to move (the one being completed)
   * @param moveTheirTasks also move the tasks the previous worker holds (a hand-over)
   * @return the new spell, or empty when nothing changed
   */
  @Transactional
  Optional<Responsible> take(String caseNumber, String userId, Reason reason, String note, String setBy, String path,
      Set<String> skipTaskIds, boolean moveTheirTasks) {
    Optional<Responsible> before = current(caseNumber);
    if (before.isPresent()) {
      Responsible now = before.get();
      if (now.caseManager() && !reason.caseManager()) {
        return Optional.empty();
      }
      if (now.userId().equals(userId) && (now.caseManager() || !reason.caseManager())) {
        return Optional.empty();
      }
    }
    Instant at = clock.instant();
    jdbc.update("update case_responsible set until = ? where case_number = ? and until is null", Timestamp.from(at), caseNumber);
    jdbc.update("insert into case_responsible (case_number, user_id, case_manager, reason, note, since, set_by)"
        + " values (?, ?, ?, ?, ?, ?, ?)", caseNumber, userId, reason.caseManager(), reason.code(), note, Timestamp.from(at),
        setBy == null ? userId : setBy);
    Responsible spell = current(caseNumber).orElseThrow();
    int moved = moveTasks(caseNumber, before.map(Responsible::userId).orElse(null), userId, skipTaskIds, moveTheirTasks);
    LOG.info("Case {}: {} responsible ({}), {} open tasks moved", caseNumber, userId, reason.code(), moved);
    // The client hears of a case manager: the first one named, and each other person after that.
    Optional<Responsible> previousManager = before.filter(Responsible::caseManager);
    if (reason.caseManager() && previousManager.map(now -> !now.userId().equals(userId)).orElse(true)) {
      tellClient(spell, previousManager, path);
    }
    return Optional.of(spell);
  }

  /** The case's open tasks that are the responsible worker's go to them; the candidate groups stay. */
  int moveTasks(String caseNumber, String previousUserId, String userId, Set<String> skipTaskIds, boolean moveTheirTasks) {
    int moved = 0;
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).active().list()) {
      if (skipTaskIds.contains(task.getId()) || userId.equals(task.getAssignee())) {
        continue;
      }
      boolean theirs = moveTheirTasks && previousUserId != null && previousUserId.equals(task.getAssignee());
      if (theirs || belongsTo(userId, processKey(task.getProcessDefinitionId()), task.getTaskDefinitionKey(),
          candidateGroups(task.getId()))) {
        tasks.setAssignee(task.getId(), userId);
        moved++;
      }
    }
    return moved;
  }

  /** Whether a task of the case created now goes to the responsible worker. */
  Optional<String> assigneeFor(String caseNumber, String processKey, String activityId, List<String> candidateGroups) {
    return current(caseNumber).map(Responsible::userId)
        .filter(userId -> belongsTo(userId, processKey, activityId, candidateGroups));
  }

  private boolean belongsTo(String userId, String processKey, String activityId, List<String> candidateGroups) {
    return ResponsibilityRules.caseTask(processKey, activityId)
        .map(rule -> rule.always() || candidateGroups.stream().anyMatch(group -> staff.isMember(userId, group)))
        .orElse(false);
  }

  private List<String> candidateGroups(String taskId) {
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }

  private void tellClient(Responsible spell, Optional<Responsible> previous, String path) {
    StaffDirectory.Person person = staff.staff(spell.userId()).orElse(null);
    if (person == null) {
      return;
    }
    ClientLanguage language = cases.language(spell.caseNumber());
    List<String> details = new ArrayList<>();
    if (person.phone() != null) {
      details.add((language == ClientLanguage.SV ? "tfn " : "puh. ") + person.phone());
    }
    if (person.email() != null) {
      details.add((language == ClientLanguage.SV ? "e-post " : "sähköposti ") + person.email());
    }
    if (details.isEmpty()) {
      details.add(language == ClientLanguage.SV ? "(nås via numret nedan)" : "(tavoitat hänet alla olevasta numerosta)");
    }
    Map<String, String> values = new java.util.HashMap<>(Map.of("caseNumber", spell.caseNumber(),
        "contactName", person.name(), "contactDetails", String.join("\n", details)));
    previous.ifPresent(before -> values.put("previousName", staff.name(before.userId())));
    clients.tell(spell.caseNumber(), path, "responsible#" + spell.id(),
        previous.isPresent() ? "case-manager-changed" : "case-manager", values);
  }

  /** The path whose unit signs a mail that no step sends: the case's running path, else the latest. */
  private String signingPath(String caseNumber) {
    List<String> running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).active().list().stream()
        .map(instance -> processKey(instance.getProcessDefinitionId())).toList();
    return ResponsibilityRules.SIGNING_PATHS.stream().filter(running::contains).findFirst()
        .orElse(ResponsibilityRules.SIGNING_PATHS.get(0));
  }

  static String processKey(String processDefinitionId) {
    return processDefinitionId == null ? "" : processDefinitionId.split(":")[0];
  }

  private List<Responsible> spells(String where, String caseNumber) {
    return jdbc.query("select id, case_number, user_id, reason, note, since, until, set_by from case_responsible " + where
            + " order by since desc, id desc",
        (rs, row) -> new Responsible(rs.getLong(1), rs.getString(2), rs.getString(3), staff.name(rs.getString(3)),
            Reason.fromCode(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(),
            rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getString(8)),
        caseNumber);
  }
}
