package fi.polku.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import fi.polku.cases.Agency;
import fi.polku.engine.CaseNumberOnTasks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Creates, at every start and idempotently, the groups, the Tasklist filters, the authorizations
 * that say who may do what, the administrator, and (on the embedded default and the demo profile
 * only) the demo users. Nothing here removes what an administrator added in Camunda Admin.
 */
@Component
@EnableConfigurationProperties(PolkuSecurityProperties.class)
class IdentitySetup extends AbstractProcessEnginePlugin {

  /** Name of the Tasklist filter every staff member has: tasks assigned to me. */
  static final String MY_TASKS_FILTER = "Omat tehtävät";

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  /**
   * What every filter's list shows on each task besides its name and due date: the case number
   * and the client's name (the task variables CaseNumberOnTasks puts on every task), so nine tasks
   * of the same name can be told apart. Never the identity code.
   */
  static final List<Map<String, String>> LIST_VARIABLES = List.of(
      Map.of("name", CaseNumberOnTasks.VARIABLE, "label", "Asianumero"),
      Map.of("name", CaseNumberOnTasks.CLIENT_NAME, "label", "Asiakas"));

  private final PolkuSecurityProperties properties;

  IdentitySetup(PolkuSecurityProperties properties) {
    this.properties = properties;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();

    createGroup(identity, StaffGroup.ADMIN_GROUP, "Polun ylläpitäjät");
    // The webapps offer an open "create the first admin" page while camunda-admin has no member;
    // our administrators are put in it too, so that page stays closed.
    createGroup(identity, Groups.CAMUNDA_ADMIN, "Camunda-ylläpitäjät");
    for (Resources resource : Resources.values()) {
      grant(authorizations, StaffGroup.ADMIN_GROUP, resource, "*", Permissions.ALL);
    }
    for (StaffGroup group : StaffGroup.values()) {
      createGroup(identity, group.id(), group.groupName());
      grant(authorizations, group.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // Reading models lets Tasklist show process names and forms; it reveals no client data.
      grant(authorizations, group.id(), Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    }
    ProcessStarters.BY_PROCESS_KEY.forEach(
        (processKey, groups) ->
            groups.forEach(
                group -> {
                  grant(authorizations, group.id(), Resources.PROCESS_DEFINITION, processKey,
                      ProcessDefinitionPermissions.CREATE_INSTANCE);
                  grant(authorizations, group.id(), Resources.PROCESS_INSTANCE, "*",
                      Permissions.CREATE);
                }));
    createFilters(engine.getFilterService(), engine.getTaskService(), authorizations);
    for (Agency agency : Agency.values()) {
      createGroup(identity, StaffGroup.SYSTEM_GROUP_PREFIX + agency.code(),
          "Järjestelmä: " + agency.finnishName());
    }

    // The real administrator first, so a demo user of the same name cannot take its place.
    PolkuSecurityProperties.Admin admin = properties.admin();
    if (admin != null && admin.user() != null && !admin.user().isBlank()) {
      createUser(identity, admin.user(), "Polku", "Ylläpitäjä", admin.password(),
          StaffGroup.ADMIN_GROUP);
    }
    if (properties.systemUsers() != null) {
      properties.systemUsers().forEach((code, password) -> {
        if (password != null && !password.isBlank()) {
          Agency agency = Agency.fromCode(code);
          createUser(identity, PolkuSecurityProperties.systemUserId(agency.code()), "Järjestelmä",
              agency.finnishName(), password, StaffGroup.SYSTEM_GROUP_PREFIX + agency.code());
        }
      });
    }
    if (properties.demoUsers()) {
      for (StaffGroup group : StaffGroup.values()) {
        createUser(identity, group.demoUser(), group.demoFirstName(), group.demoLastName(),
            PolkuSecurityProperties.DEMO_PASSWORD, group.id());
        // A made-up work phone: the client's mail about their case manager names it (user info "phone").
        if (identity.getUserInfo(group.demoUser(), "phone") == null) {
          identity.setUserInfo(group.demoUser(), "phone", "040 000 " + String.format("%04d", 100 + group.ordinal()));
        }
      }
      createUser(identity, "admin", "Aino", "Ylläpitäjä", PolkuSecurityProperties.DEMO_PASSWORD,
          StaffGroup.ADMIN_GROUP);
      for (Agency agency : Agency.values()) {
        createUser(identity, PolkuSecurityProperties.systemUserId(agency.code()), "Järjestelmä",
            agency.finnishName(), PolkuSecurityProperties.DEMO_PASSWORD,
            StaffGroup.SYSTEM_GROUP_PREFIX + agency.code());
      }
      LOG.warn("Demo users exist with the password 'demo' (see README.md); never on real data");
    }
  }

  private void createFilters(
      FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    int priority = 0;
    for (StaffGroup group : StaffGroup.values()) {
      TaskQuery query =
          tasks.createTaskQuery().taskCandidateGroup(group.id()).includeAssignedTasks()
              .orderByDueDate().asc();
      Filter filter = findOrCreateFilter(filters, group.filterName(), query,
          "Ryhmän " + group.groupName() + " tehtävät, määräajan mukaan", ++priority);
      grant(authorizations, group.id(), Resources.FILTER, filter.getId(), Permissions.READ);
    }
    // After the group's own filter, which Tasklist opens first (lowest priority first).
    TaskQuery mine = tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
        .orderByDueDate().asc();
    Filter myTasks = findOrCreateFilter(filters, MY_TASKS_FILTER, mine,
        "Itselleni otetut tehtävät, määräajan mukaan", 100);
    for (StaffGroup group : StaffGroup.values()) {
      grant(authorizations, group.id(), Resources.FILTER, myTasks.getId(), Permissions.READ);
    }
  }

  private static Filter findOrCreateFilter(
      FilterService filters, String name, TaskQuery query, String description, int priority) {
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      // Filters made before the list showed the case number get it on the next start.
      if (!LIST_VARIABLES.equals(existing.getProperties().get("variables"))) {
        Map<String, Object> updated = new LinkedHashMap<>(existing.getProperties());
        updated.put("variables", LIST_VARIABLES);
        existing.setProperties(updated);
        return filters.saveFilter(existing);
      }
      return existing;
    }
    Map<String, Object> filterProperties = new LinkedHashMap<>();
    filterProperties.put("description", description);
    filterProperties.put("priority", priority);
    filterProperties.put("refresh", true);
    filterProperties.put("showUndefinedVariable", false);
    filterProperties.put("variables", LIST_VARIABLES);
    Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(filterProperties);
    return filters.saveFilter(filter);
  }

  private static void createGroup(IdentityService identity, String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private static void createUser(IdentityService identity, String id, String firstName,
      String lastName, String password, String groupId) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(id + "@polku.invalid");
      user.setPassword(password);
      identity.saveUser(user);
      LOG.info("Created user '{}' in group '{}'", id, groupId);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(id, groupId);
    }
    if (StaffGroup.ADMIN_GROUP.equals(groupId)
        && identity.createUserQuery().userId(id).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership(id, Groups.CAMUNDA_ADMIN);
    }
  }

  /** Grants the permissions to the group on the resource, adding to what is already granted. */
  private static void grant(AuthorizationService authorizations, String groupId,
      Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource)
        .resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    List<Permission> missing = new ArrayList<>();
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        missing.add(permission);
      }
    }
    if (authorization.getId() == null || !missing.isEmpty()) {
      missing.forEach(authorization::addPermission);
      authorizations.saveAuthorization(authorization);
    }
  }
}
