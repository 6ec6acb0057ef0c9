package fi.polku.engine;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * History rows of level {@code full} that nothing reads, so they are not written (issue 19,
 * docs/performance.md "Engine settings"): every read of history in Polku is the evaluation
 * (ACT_HI_PROCINST, ACT_HI_ACTINST), the case page (ACT_HI_TASKINST, ACT_HI_PROCINST), the hand-over's
 * look-up of who completed a task (ACT_HI_OP_LOG), the history cleanup and Cockpit (runtime
 * incidents and jobs). Not written:
 *
 * <ul>
 *   <li>ACT_HI_DETAIL: each change of each variable and each form field (ACT_HI_VARINST keeps every
 *       variable's last value);
 *   <li>ACT_HI_JOB_LOG, except failures: a row when a job is created, another when it succeeds or is
 *       deleted (a failed job's row stays, with its stack trace, for whoever looks into an incident);
 *   <li>ACT_HI_IDENTITYLINK: each candidate group added to or removed from a task (the task's
 *       groups are on the runtime task; who did what to it is in ACT_HI_OP_LOG).
 * </ul>
 *
 * <p>Kept as level {@code full}: the level is stored in the database and the engine refuses to start
 * when it changes, and decision history (why the triage proposed what it did), the operation log
 * and the incidents are wanted.
 */
final class UnreadHistory {

  private UnreadHistory() {}

  /** True for an event whose row nothing in Polku reads. */
  static boolean isUnread(HistoryEvent event) {
    if (event instanceof HistoricJobLogEvent jobLog) {
      return !jobLog.isFailureLog();
    }
    return event instanceof HistoricIdentityLinkLogEventEntity || event instanceof HistoricFormPropertyEventEntity;
  }

  /** The engine's database handler without ACT_HI_DETAIL rows for variable changes. */
  static final class Handler extends DbHistoryEventHandler {
    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
      return false;
    }
  }
}
