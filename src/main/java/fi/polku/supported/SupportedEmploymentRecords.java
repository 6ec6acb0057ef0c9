package fi.polku.supported;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the programme evaluation reads of the supported-employment path: one row per client's
 * coaching with its employer contacts, jobs and Kykyviisari scores; no free text, no health data.
 */
public interface SupportedEmploymentRecords {

  /** The coachings that started on a day from {@code from} to {@code to} (Finnish time), optionally in one municipality. */
  List<Coaching> coachings(LocalDate from, LocalDate to, Optional<String> municipality);

  /**
   * One client's coaching.
   *
   * @param endState the end state's code (employed, education, other-service, client-ended,
   *     unreachable, declined) or null while it runs
   * @param firstContactDate the day of the first employer contact, or null
   * @param kykyviisariFirst the profile's Kykyviisari score, or null
   * @param kykyviisariLast the last follow-up's Kykyviisari score, or null
   */
  record Coaching(long id, Instant startedAt, String cooperation, String endState, Instant endedAt,
      LocalDate firstContactDate, List<JobSpell> jobs, Integer kykyviisariFirst, Integer kykyviisariLast) {}

  /**
   * One job the coaching agreed with an employer.
   *
   * @param arrangement none, wage-subsidy or work-trial
   * @param endedOn the day the job ended, or null while it lasts
   */
  record JobSpell(LocalDate startDate, String arrangement, LocalDate endedOn) {}
}
