package fi.polku.onward;

import static fi.polku.onward.OnwardReferralModel.*;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Routes an onward referral's task to the group it belongs to (field role): the receiver's tasks
 * to the receiving service's group, the sender's tasks to its responsible group and worker. The
 * candidate group in the model is only the default, as the model must name a listed group.
 */
@Component("onwardTaskRouting")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class OnwardTaskRouting implements TaskListener {

  private Expression role;

  @Override
  public void notify(DelegateTask task) {
    boolean receiver = "receiver".equals(role.getValue(task));
    String group = (String) task.getVariable(receiver ? RECEIVING_GROUP : RESPONSIBLE_GROUP);
    if (group == null) {
      return;
    }
    if (!removeOtherCandidateGroups(task, group)) {
      task.addCandidateGroup(group);
    }
    Object worker = task.getVariable(RESPONSIBLE_WORKER);
    if (!receiver && worker != null) {
      task.setAssignee(String.valueOf(worker));
    }
  }

  /**
   * Removes the model's default candidate group and the task permission the engine granted it. On
   * create the links are not yet in the database, where {@code deleteCandidateGroup} looks, so
   * they are taken out of the command's cache before they are ever written. Whether the group to
   * keep is a candidate already.
   */
  private static boolean removeOtherCandidateGroups(DelegateTask task, String keep) {
    TaskEntity entity = (TaskEntity) task;
    boolean kept = false;
    DbEntityManager db = Context.getCommandContext().getDbEntityManager();
    for (IdentityLinkEntity link : new ArrayList<>(entity.getIdentityLinks())) {
      String group = link.getGroupId();
      if (group != null && !group.equals(keep) && IdentityLinkType.CANDIDATE.equals(link.getType())) {
        link.delete();
        entity.getIdentityLinks().remove(link);
        db.getCachedEntitiesByType(AuthorizationEntity.class).stream()
            .filter(grant -> entity.getId().equals(grant.getResourceId()) && group.equals(grant.getGroupId()))
            .forEach(db::delete);
      } else if (keep.equals(group) && IdentityLinkType.CANDIDATE.equals(link.getType())) {
        kept = true;
      }
    }
    return kept;
  }

  public void setRole(Expression role) {
    this.role = role;
  }
}
