package fi.polku.casepage;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.api.CaseAccess;
import fi.polku.api.CaseContentSource;
import fi.polku.api.CaseContentSource.CaseContent;
import fi.polku.api.Caller;
import fi.polku.calendar.WorkingDays;
import fi.polku.cases.Agency;
import fi.polku.cases.CaseStatus;
import fi.polku.cases.CaseStatusReader;
import fi.polku.cases.ClientCase;
import fi.polku.cases.ClientCaseService;
import fi.polku.consent.Consent;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.responsible.Responsible;
import fi.polku.responsible.ResponsibleWorkers;
import fi.polku.security.StaffGroup;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Builds the case page for one viewer. Who may see the case is {@link CaseAccess}'s answer, as in
 * the API; plan and health content of another agency is shown only when
 * {@link ConsentService#allows} says so at this moment, and each such check is in the audit trail
 * with the page as the asker.
 */
@Component
class CaseViews {

  private final CaseAccess access;
  private final ClientCaseService cases;
  private final CaseStatusReader statusReader;
  private final ConsentService consents;
  private final List<CaseContentSource> contentSources;
  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final ObjectMapper json;
  private final Clock clock;
  private final ResponsibleWorkers responsible;

  CaseViews(CaseAccess access, ClientCaseService cases, CaseStatusReader statusReader, ConsentService consents,
      List<CaseContentSource> contentSources, TaskService tasks, HistoryService history, IdentityService identity,
      ObjectMapper json, Clock clock, ResponsibleWorkers responsible) {
    this.access = access;
    this.cases = cases;
    this.statusReader = statusReader;
    this.consents = consents;
    this.contentSources = contentSources;
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
    this.json = json;
    this.clock = clock;
    this.responsible = responsible;
  }

  /** The case as the caller may see it, or CaseNotFoundException when it does not exist or the caller takes no part. */
  CaseView view(String caseNumber, Caller caller) {
    ClientCase clientCase = access.visibleCase(caseNumber, caller);
    Instant now = clock.instant();
    LocalDate today = now.atZone(WorkingDays.FINLAND).toLocalDate();
    CaseStatus status = statusReader.read(clientCase);
    List<CaseContent> content = visibleContent(caseNumber, caller);
    List<Consent> all = consents.list(caseNumber);
    List<Consent> inForce = all.stream().filter(consent -> consent.inForce(today, now)).toList();
    List<Consent> past = all.stream().filter(consent -> !consent.inForce(today, now)).toList();
    return new CaseView(caseNumber, cases.clientName(caseNumber).orElse(null),
        cases.identityCodeOf(caseNumber).masked(), clientCase.municipality(), clientCase.openedAt(),
        clientCase.openedByAgency(), access.participants(clientCase).stream().sorted().toList(),
        paths(caseNumber, status, now), timeline(clientCase, status, content, all), inForce, past, content, today,
        cases.language(caseNumber), responsibility(caseNumber, caller));
  }

  private CaseView.Responsibility responsibility(String caseNumber, Caller caller) {
    boolean mayChange = responsible.mayChange(caseNumber, caller.userId(), caller.groups());
    return new CaseView.Responsibility(responsible.current(caseNumber).orElse(null), responsible.history(caseNumber),
        mayChange, mayChange ? responsible.candidates() : List.of());
  }

  /** The content the caller's agency may see: its own, status, and what a consent in force lets through now. */
  private List<CaseContent> visibleContent(String caseNumber, Caller caller) {
    List<CaseContent> shown = new ArrayList<>();
    if (caller.agency().isEmpty()) {
      return shown;
    }
    Agency reader = caller.agency().get();
    for (CaseContentSource source : contentSources) {
      for (CaseContent piece : source.contentFor(caseNumber)) {
        if (piece.scope() == ConsentScope.STATUS || piece.owner() == reader || consents.allows(caseNumber,
            piece.owner(), reader, piece.scope(), "page:" + caller.userId(), "case page for " + reader.code())) {
          shown.add(piece);
        }
      }
    }
    return shown;
  }

  private List<CaseView.Path> paths(String caseNumber, CaseStatus status, Instant now) {
    Map<String, Instant> startedAt = new HashMap<>();
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).list()) {
      startedAt.put(instance.getId(), instance.getStartTime().toInstant());
    }
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list();
    List<CaseView.Path> paths = new ArrayList<>();
    for (CaseStatus.PathStatus path : status.paths()) {
      List<CaseView.Step> steps = new ArrayList<>();
      for (CaseStatus.Step step : path.currentSteps()) {
        Task task = open.stream().filter(candidate -> candidate.getTaskDefinitionKey().equals(step.stepId())
            && path.startedAt().equals(startedAt.get(candidate.getProcessInstanceId()))).findFirst().orElse(null);
        Instant due = task == null || task.getDueDate() == null ? step.dueAt() : task.getDueDate().toInstant();
        steps.add(new CaseView.Step(step.name(), task == null ? null : holder(task), due, due != null && due.isBefore(now)));
      }
      paths.add(new CaseView.Path(path.pathName(), "running".equals(path.state()), path.startedAt(), path.endedAt(),
          path.endState(), steps));
    }
    return paths;
  }

  /** Who holds the task: the assignee by name, else the candidate groups by their Finnish names. */
  String holder(Task task) {
    if (task.getAssignee() != null) {
      User user = identity.createUserQuery().userId(task.getAssignee()).singleResult();
      String name = user == null ? null : (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).trim();
      return name == null || name.isEmpty() ? task.getAssignee() : name + " (" + task.getAssignee() + ")";
    }
    List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .map(group -> StaffGroup.ofId(group).map(StaffGroup::groupName).orElse(group)).toList();
    return groups.isEmpty() ? null : "ryhmä " + String.join(", ", groups);
  }

  private List<CaseView.Event> timeline(ClientCase clientCase, CaseStatus status, List<CaseContent> content, List<Consent> all) {
    List<CaseView.Event> events = new ArrayList<>();
    events.add(new CaseView.Event(clientCase.openedAt(), "Asiakkuus avattu", clientCase.openedByAgency().finnishName()));
    for (CaseStatus.PathStatus path : status.paths()) {
      events.add(new CaseView.Event(path.startedAt(), "Polku alkoi", path.pathName()));
      if (path.endedAt() != null) {
        events.add(new CaseView.Event(path.endedAt(), "Polku päättyi", path.pathName()
            + (path.endState() == null ? "" : ": " + path.endState())));
      }
    }
    for (CaseContent piece : content) {
      Object changes = piece.data().get("history");
      if (changes instanceof List<?> list) {
        for (Object change : list) {
          @SuppressWarnings("unchecked")
          Map<String, Object> fields = json.convertValue(change, Map.class);
          Instant at = fields.get("at") == null ? null : Instant.parse(fields.get("at").toString());
          if (at != null) {
            String reason = fields.get("reason") == null ? "" : " – " + fields.get("reason");
            events.add(new CaseView.Event(at, piece.title() + ": " + Objects.toString(fields.get("statusName"), ""),
                reason.isEmpty() ? "" : reason.substring(3)));
          }
        }
      }
    }
    for (Consent consent : all) {
      String what = consent.fromAgency().finnishName() + " → " + consent.toAgency().finnishName() + ", "
          + CaseHtml.scopeName(consent.scope());
      events.add(new CaseView.Event(consent.recordedAt(), "Suostumus kirjattu", what));
      if (consent.withdrawnAt() != null) {
        events.add(new CaseView.Event(consent.withdrawnAt(), "Suostumus peruttu", what));
      }
    }
    for (Responsible spell : responsible.history(clientCase.caseNumber())) {
      events.add(new CaseView.Event(spell.since(), spell.caseManager() ? "Asiakasvastaava nimetty" : "Vastuutyöntekijä",
          spell.name() + " (" + spell.userId() + "): " + spell.reason().finnishText()));
    }
    events.sort(Comparator.comparing(CaseView.Event::at, Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
    return events;
  }

  static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
