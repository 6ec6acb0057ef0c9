package fi.polku.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;

/**
 * Whether a form submission is the caller's to make at all: the task exists, and the caller may
 * complete it or start the definition. {@link FormSubmissionCheck} judges a form only then; the
 * engine answers the rest itself (404, 403) as it always does.
 */
final class SubmissionRights {

  private final ProcessEngine engine;

  SubmissionRights(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Whether the task exists at all, whoever may see it (the caller's own query is filtered). */
  boolean exists(String taskId) {
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /** Whether the authenticated caller may complete the task or start the definition (key or id). */
  boolean mayAct(boolean task, boolean byKey, String id) {
    Authentication caller = engine.getIdentityService().getCurrentAuthentication();
    if (caller == null) {
      return true;
    }
    AuthorizationService authorizations = engine.getAuthorizationService();
    String user = caller.getUserId();
    List<String> groups = caller.getGroupIds();
    if (task) {
      Task found = engine.getTaskService().createTaskQuery().taskId(id).singleResult();
      if (found == null) {
        return false;
      }
      String definitionKey = found.getProcessDefinitionId() == null ? null
          : engine.getRepositoryService().getProcessDefinition(found.getProcessDefinitionId()).getKey();
      return authorizations.isUserAuthorized(user, groups, Permissions.UPDATE, Resources.TASK, id)
          || authorizations.isUserAuthorized(user, groups, TaskPermissions.TASK_WORK, Resources.TASK, id)
          || (definitionKey != null && (authorizations.isUserAuthorized(user, groups,
              ProcessDefinitionPermissions.UPDATE_TASK, Resources.PROCESS_DEFINITION, definitionKey)
          || authorizations.isUserAuthorized(user, groups, ProcessDefinitionPermissions.TASK_WORK,
              Resources.PROCESS_DEFINITION, definitionKey)));
    }
    String key = byKey ? id : Optional.ofNullable(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionId(id).singleResult()).map(ProcessDefinition::getKey).orElse(null);
    return key != null
        && authorizations.isUserAuthorized(user, groups, ProcessDefinitionPermissions.CREATE_INSTANCE,
            Resources.PROCESS_DEFINITION, key)
        && authorizations.isUserAuthorized(user, groups, Permissions.CREATE, Resources.PROCESS_INSTANCE);
  }

  String latest(String key) {
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(key).latestVersion().withoutTenantId().singleResult();
    return definition == null ? null : definition.getId();
  }
}
