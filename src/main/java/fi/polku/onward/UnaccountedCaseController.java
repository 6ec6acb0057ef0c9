package fi.polku.onward;

import fi.polku.api.Caller;
import fi.polku.api.ForbiddenException;
import fi.polku.api.InvalidParameterException;
import fi.polku.security.StaffGroup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The team lead's list of unaccounted cases (docs/processes/onward-referral.md): clients no one is
 * responsible for now, with since when and for how long. Only where each stands, no content.
 */
@RestController
@RequestMapping(path = "/api/unaccounted-cases", produces = "application/json")
@Tag(name = "Onward referrals")
class UnaccountedCaseController {

  private final UnaccountedCases unaccounted;
  private final Clock clock;

  UnaccountedCaseController(UnaccountedCases unaccounted, Clock clock) {
    this.unaccounted = unaccounted;
    this.clock = clock;
  }

  /** The list with the moment it was read and its count (the programme's goal: zero). */
  record UnaccountedList(Instant at, int count, List<UnaccountedCases.UnaccountedCase> cases) {}

  /** Whether the caller may read the list: team leads and administrators. */
  static boolean mayRead(Caller caller) {
    return caller.admin() || caller.groups().contains(StaffGroup.TEAM_LEAD.id());
  }

  @GetMapping
  @Operation(summary = "Unaccounted cases",
      description = "Cases no one is responsible for now: an onward referral rejected or unanswered past its deadline "
          + "with no decision of the sender, or a path ended at a hand-off (\"referred elsewhere\") that no receiver "
          + "accepted. Longest first, with since when, working days and the duration. Team lead and administrators "
          + "only. ?municipality= narrows the list to one municipality.")
  UnaccountedList list(Caller caller, @RequestParam(required = false) String municipality) {
    if (!mayRead(caller)) {
      throw new ForbiddenException("only team leads and administrators see the unaccounted cases");
    }
    if (municipality != null && municipality.length() > 100) {
      throw new InvalidParameterException("municipality", "at most 100 characters");
    }
    List<UnaccountedCases.UnaccountedCase> cases = unaccounted.list(
        Optional.ofNullable(municipality).map(String::trim).filter(m -> !m.isEmpty()));
    return new UnaccountedList(clock.instant(), cases.size(), cases);
  }
}
