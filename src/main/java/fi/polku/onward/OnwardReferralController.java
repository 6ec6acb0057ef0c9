package fi.polku.onward;

import static fi.polku.onward.OnwardReferralModel.*;

import fi.polku.api.Caller;
import fi.polku.onward.OnwardReferralViews.OnwardReferralView;
import fi.polku.api.ConflictException;
import fi.polku.api.ForbiddenException;
import fi.polku.api.InvalidParameterException;
import fi.polku.api.ProblemWriter;
import fi.polku.calendar.WorkingDays;
import fi.polku.cases.Agency;
import fi.polku.security.StaffGroup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Onward referrals for receivers that work in their own system: the inbox, the answers (accept,
 * reject, complete), the sender's cancellation, and the team lead's list of unaccounted cases.
 */
@RestController
@RequestMapping(path = "/api/onward-referrals", produces = "application/json")
@Tag(name = "Onward referrals")
class OnwardReferralController {

  private final OnwardReferrals referrals;
  private final OnwardReferralViews views;
  private final RuntimeService runtime;
  private final WorkingDays workingDays;
  private final Clock clock;

  OnwardReferralController(OnwardReferrals referrals, OnwardReferralViews views, RuntimeService runtime,
      WorkingDays workingDays, Clock clock) {
    this.referrals = referrals;
    this.views = views;
    this.runtime = runtime;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  /** An unaccounted onward referral and how long it has been so. */
  record UnaccountedView(long id, String caseNumber, Agency sendingAgency, String responsibleGroup,
      String responsibleWorker, Agency receivingAgency, String service, String serviceName, String status,
      Instant unaccountedSince, long unaccountedWorkingDays, Duration unaccountedFor) {}

  record Accept(@NotNull(message = "required") OffsetDateTime firstAppointmentAt) {}

  record Reject(@NotBlank(message = "required") @Size(max = 500, message = "at most 500 characters") String reason) {}

  record Complete(
      @Pattern(regexp = "completed|failed", message = "one of completed, failed") String outcome,
      @NotBlank(message = "required") @Size(max = 4000, message = "at most 4000 characters") String feedback) {}

  record Cancel(@NotBlank(message = "required") @Size(max = 500, message = "at most 500 characters") String reason) {}

  /** The caller agency's inbox: the onward referrals sent to it, optionally of one status. */
  @GetMapping
  @Operation(summary = "Inbox of onward referrals sent to the caller's agency",
      description = "Only the referrals whose receiver is the caller's agency, and only those that crossed (consent "
          + "was in force when they were sent). ?status=requested lists those waiting for an answer.")
  List<OnwardReferralView> inbox(@RequestParam(required = false) String status, Caller caller) {
    OnwardStatus wanted = null;
    if (status != null) {
      try {
        wanted = OnwardStatus.fromCode(status);
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException("status", e.getMessage());
      }
    }
    Agency agency = caller.requireAgency();
    return referrals.inbox(agency, wanted).stream().map(referral -> views.view(referral, caller)).toList();
  }

  /** The unaccounted onward referrals, longest first: for team leads and administrators. */
  @GetMapping("/unaccounted")
  @Operation(summary = "Unaccounted onward referrals",
      description = "Rejected, or unanswered past their deadline, with no decision of the sender yet: the case has no "
          + "one responsible. Team lead and administrators only. No content, only where each stands and for how long.")
  List<UnaccountedView> unaccounted(Caller caller) {
    if (!caller.admin() && !caller.groups().contains(StaffGroup.TEAM_LEAD.id())) {
      throw new ForbiddenException("only team leads and administrators see the unaccounted list");
    }
    Instant now = clock.instant();
    return referrals.unaccounted().stream().map(referral -> {
      // A deadline timer run ahead of its due time (an operator's "execute job" in Cockpit) leaves a
      // since-time in the future: unaccounted from now on, not for a negative time.
      Instant since = referral.unaccountedSince().isAfter(now) ? now : referral.unaccountedSince();
      return new UnaccountedView(referral.id(), referral.caseNumber(),
          referral.sendingAgency(), referral.responsibleGroup(), referral.responsibleWorker(),
          referral.receivingAgency(), referral.service().code(), referral.service().finnishName(),
          referral.status().code(), referral.unaccountedSince(),
          workingDays.workingDaysBetween(since.atZone(WorkingDays.FINLAND).toLocalDate(),
              now.atZone(WorkingDays.FINLAND).toLocalDate()),
          Duration.between(since, now));
    }).toList();
  }

  /** One onward referral, to its sender or receiver. */
  @GetMapping("/{id}")
  @Operation(summary = "One onward referral", description = "To its sending or receiving agency; others get 404.")
  OnwardReferralView get(@PathVariable long id, Caller caller) {
    OnwardReferral referral = views.visible(id, caller);
    return views.view(referral, caller);
  }

  /** The receiver takes the client: 200 with the referral; the same answer again changes nothing. */
  @PostMapping(path = "/{id}/accept", consumes = "application/json")
  @Operation(summary = "Accept an onward referral with the first appointment",
      description = "Receiver only. Repeating it is harmless (200, unchanged); an answer that does not fit the state is 409.")
  OnwardReferralView accept(@PathVariable long id, @Valid @RequestBody Accept body, Caller caller) {
    OnwardReferral referral = views.received(id, caller);
    if (referral.status() == OnwardStatus.ACCEPTED || referral.status() == OnwardStatus.IN_PROGRESS) {
      return views.view(referral, caller);
    }
    requireStatus(referral, OnwardStatus.REQUESTED, "accepted");
    correlate(referral, MESSAGE_ANSWERED, Map.of(ANSWER, "accept",
        FIRST_APPOINTMENT_AT, Date.from(body.firstAppointmentAt().toInstant()), ANSWERED_BY, caller.userId()));
    return views.view(referrals.get(id), caller);
  }

  /** The receiver refuses with a reason; the sender decides what next. */
  @PostMapping(path = "/{id}/reject", consumes = "application/json")
  @Operation(summary = "Reject an onward referral with a reason",
      description = "Receiver only. Repeating it is harmless (200, unchanged); an answer that does not fit the state is 409.")
  OnwardReferralView reject(@PathVariable long id, @Valid @RequestBody Reject body, Caller caller) {
    OnwardReferral referral = views.received(id, caller);
    if (referral.status() == OnwardStatus.REJECTED) {
      return views.view(referral, caller);
    }
    requireStatus(referral, OnwardStatus.REQUESTED, "rejected");
    correlate(referral, MESSAGE_ANSWERED, Map.of(ANSWER, "reject", REJECTION_REASON, body.reason(),
        ANSWERED_BY, caller.userId()));
    return views.view(referrals.get(id), caller);
  }

  /** The receiver's service ended: the feedback returns to the sender. */
  @PostMapping(path = "/{id}/complete", consumes = "application/json")
  @Operation(summary = "Complete an accepted onward referral with feedback",
      description = "Receiver only, after accepting. outcome completed (default) or failed. The feedback reaches the "
          + "sender only with a consent in force. Repeating it is harmless (200); before acceptance it is 409.")
  OnwardReferralView complete(@PathVariable long id, @Valid @RequestBody Complete body, Caller caller) {
    OnwardReferral referral = views.received(id, caller);
    if (referral.status() == OnwardStatus.COMPLETED || referral.status() == OnwardStatus.FAILED) {
      return views.view(referral, caller);
    }
    if (referral.status() != OnwardStatus.ACCEPTED && referral.status() != OnwardStatus.IN_PROGRESS) {
      throw new ConflictException("Onward referral " + id + " is " + referral.status().code()
          + ": only an accepted one can be completed.");
    }
    correlate(referral, MESSAGE_COMPLETED, Map.of(OUTCOME, body.outcome() == null ? "completed" : body.outcome(),
        FEEDBACK, body.feedback(), ANSWERED_BY, caller.userId()));
    return views.view(referrals.get(id), caller);
  }

  /** The sender cancels an open onward referral. */
  @PostMapping(path = "/{id}/cancel", consumes = "application/json")
  @Operation(summary = "Cancel an onward referral",
      description = "Sender only. Repeating it is harmless (200); a completed or failed one is 409.")
  OnwardReferralView cancel(@PathVariable long id, @Valid @RequestBody Cancel body, Caller caller) {
    OnwardReferral referral = views.visible(id, caller);
    if (!caller.admin() && caller.agency().orElse(null) != referral.sendingAgency()) {
      throw new OnwardReferralNotFoundException(id);
    }
    if (referral.status() == OnwardStatus.CANCELLED) {
      return views.view(referral, caller);
    }
    if (OnwardStatus.CLOSED.contains(referral.status())) {
      throw new ConflictException("Onward referral " + id + " is " + referral.status().code() + ": it can no longer be cancelled.");
    }
    referrals.cancel(id, body.reason(), caller.userId());
    return views.view(referrals.get(id), caller);
  }

  private void correlate(OnwardReferral referral, String message, Map<String, Object> variables) {
    // Asked first, so that an answer at the wrong moment is a 409 and not an engine error in the log.
    if (runtime.createEventSubscriptionQuery().processInstanceId(referral.processInstanceId()).eventType("message")
        .eventName(message).count() == 0) {
      throw notWaiting(referral);
    }
    try {
      runtime.createMessageCorrelation(message).processInstanceId(referral.processInstanceId())
          .setVariables(variables).correlateWithResult();
    } catch (MismatchingMessageCorrelationException raced) {
      throw notWaiting(referral);
    }
  }

  private static ConflictException notWaiting(OnwardReferral referral) {
    return new ConflictException("Onward referral " + referral.id() + " is not waiting for this answer now"
        + " (the sender is deciding what next).");
  }

  private static void requireStatus(OnwardReferral referral, OnwardStatus expected, String answer) {
    if (referral.status() != expected) {
      throw new ConflictException("Onward referral " + referral.id() + " is " + referral.status().code()
          + ": it cannot be " + answer + " now.");
    }
  }

  /** This module's failures as problem+json, before the API's catch-all. */
  @RestControllerAdvice(assignableTypes = OnwardReferralController.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class Problems {

    @ExceptionHandler(OnwardReferralNotFoundException.class)
    ProblemDetail notFound(OnwardReferralNotFoundException e) {
      return ProblemWriter.problem(HttpStatus.NOT_FOUND, "Onward referral not found", e.getMessage() + ".", null);
    }
  }
}
