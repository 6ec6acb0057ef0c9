package fi.polku.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes {@code polku-admin} a Camunda admin group, which passes the engine's single-resource
 * checks. Queries are still filtered for admins, so {@link IdentitySetup} also grants the group
 * ALL on every resource type.
 */
@Component
class AdminGroupPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<String> groups =
        configuration.getAdminGroups() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getAdminGroups());
    if (!groups.contains(StaffGroup.ADMIN_GROUP)) {
      groups.add(StaffGroup.ADMIN_GROUP);
    }
    configuration.setAdminGroups(groups);
  }

}
