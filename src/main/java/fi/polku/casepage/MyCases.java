package fi.polku.casepage;

import fi.polku.api.CaseAccess;
import fi.polku.api.Caller;
import fi.polku.cases.ClientCaseService;
import fi.polku.responsible.ResponsibleWorkers;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "Omat asiakkaat": the cases a worker is working on: those they are the responsible worker or case
 * manager of, those with a task assigned to them, and those whose latest completed task they did
 * themselves; for each, the open steps with what is next and what is overdue. Only cases
 * the worker's agency may see are listed, as on the case page.
 */
@Component
class MyCases {

  /** How many of the worker's completed tasks are looked at for cases they worked on last. */
  static final int RECENT_TASKS = 200;
  /** At most this many cases are listed. */
  static final int LIMIT = 50;

  private final TaskService tasks;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final CaseAccess access;
  private final ClientCaseService cases;
  private final CaseViews views;
  private final Clock clock;
  private final ResponsibleWorkers responsible;

  MyCases(TaskService tasks, HistoryService history, RuntimeService runtime, RepositoryService repository,
      CaseAccess access, ClientCaseService cases, CaseViews views, Clock clock, ResponsibleWorkers responsible) {
    this.tasks = tasks;
    this.history = history;
    this.runtime = runtime;
    this.repository = repository;
    this.access = access;
    this.cases = cases;
    this.views = views;
    this.clock = clock;
    this.responsible = responsible;
  }

  /** One of the worker's cases: why it is theirs, and its open steps, earliest due first. */
  record MyCase(String caseNumber, String clientName, boolean assignedToMe, Instant lastWorkedAt,
      List<OpenStep> open) {
    /** The step that is due first (what is next), if any. */
    OpenStep next() {
      return open.isEmpty() ? null : open.get(0);
    }

    long overdue() {
      return open.stream().filter(OpenStep::overdue).count();
    }
  }

  /** An open task of the case. */
  record OpenStep(String name, String pathName, String holder, Instant dueAt, boolean overdue, boolean mine) {}

  List<MyCase> of(Caller caller) {
    String userId = caller.userId();
    Map<String, Instant> lastWorked = new LinkedHashMap<>();
    Set<String> assigned = new LinkedHashSet<>();
    for (Task task : tasks.createTaskQuery().taskAssignee(userId).orderByDueDate().asc().list()) {
      businessKey(task.getProcessInstanceId()).ifPresent(assigned::add);
    }
    for (HistoricTaskInstance done : history.createHistoricTaskInstanceQuery().taskAssignee(userId).finished()
        .orderByHistoricTaskInstanceEndTime().desc().listPage(0, RECENT_TASKS)) {
      String key = done.getProcessInstanceId() == null ? null : historicBusinessKey(done.getProcessInstanceId());
      if (key != null && !lastWorked.containsKey(key)) {
        lastWorked.put(key, done.getEndTime().toInstant());
      }
    }
    // The cases they are responsible for first, then those with their tasks, then those they worked on last.
    Set<String> candidates = new LinkedHashSet<>(responsible.casesOf(userId));
    candidates.addAll(assigned);
    for (Map.Entry<String, Instant> worked : lastWorked.entrySet()) {
      // Theirs when nobody has completed a later task of the case than they did.
      HistoricTaskInstance latest = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(worked.getKey())
          .finished().orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
      if (latest != null && userId.equals(latest.getAssignee())) {
        candidates.add(worked.getKey());
      }
    }
    Instant now = clock.instant();
    List<MyCase> mine = new ArrayList<>();
    for (String caseNumber : candidates) {
      try {
        access.visibleCase(caseNumber, caller);
      } catch (RuntimeException notVisible) {
        continue;
      }
      List<OpenStep> open = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list().stream()
          .map(task -> step(task, userId, now))
          .sorted(Comparator.comparing(OpenStep::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
      mine.add(new MyCase(caseNumber, cases.clientName(caseNumber).orElse(null), assigned.contains(caseNumber),
          lastWorked.get(caseNumber), open));
      if (mine.size() == LIMIT) {
        break;
      }
    }
    // Overdue first, then by what is due next, then the ones with nothing open.
    mine.sort(Comparator.comparing((MyCase c) -> c.overdue() == 0)
        .thenComparing(c -> c.next() == null || c.next().dueAt() == null ? Instant.MAX : c.next().dueAt()));
    return mine;
  }

  private OpenStep step(Task task, String userId, Instant now) {
    Instant due = CaseViews.instant(task.getDueDate());
    String pathName = repository.getProcessDefinition(task.getProcessDefinitionId()).getName();
    return new OpenStep(task.getName(), pathName, views.holder(task), due, due != null && due.isBefore(now),
        userId.equals(task.getAssignee()));
  }

  private java.util.Optional<String> businessKey(String processInstanceId) {
    if (processInstanceId == null) {
      return java.util.Optional.empty();
    }
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return java.util.Optional.ofNullable(instance == null ? null : instance.getBusinessKey());
  }

  private String historicBusinessKey(String processInstanceId) {
    var instance = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

}
