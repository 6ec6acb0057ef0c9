package fi.polku.onward;

import com.fasterxml.jackson.annotation.JsonValue;
import fi.polku.cases.Agency;
import fi.polku.security.StaffGroup;
import java.util.Arrays;
import java.util.Optional;

/**
 * The services an onward referral can go to, each with its receiving agency and, when the receiver
 * works in Polku, the staff group whose Tasklist gets the referral (docs/processes/onward-referral.md).
 * A receiver without a group in Polku (Kela, the pension provider) answers through the API only.
 * Specialist care returns the client to the sender, which stays responsible meanwhile (Satakunnan
 * hankesuunnitelma §5.1 T4).
 */
public enum OnwardService {
  ESH_MULTIPROFESSIONAL_ASSESSMENT("esh-multiprofessional-assessment", Agency.ESH,
      "Erikoissairaanhoito: moniammatillinen arvio", StaffGroup.SPECIALIST_CARE),
  ESH_REHABILITATION_POLYCLINIC("esh-rehabilitation-polyclinic", Agency.ESH,
      "Erikoissairaanhoito: kuntoutuspoliklinikka", StaffGroup.SPECIALIST_CARE),
  SOTE_PHYSICIAN("sote-physician", Agency.SOTE, "Sote-keskuksen lääkärin vastaanotto", StaffGroup.SOTE_COUNSELLOR),
  KELA_VOCATIONAL_REHABILITATION("kela-vocational-rehabilitation", Agency.KELA, "Kela: ammatillinen kuntoutus", null),
  KELA_REHABILITATION_NEED_ASSESSMENT("kela-rehabilitation-need-assessment", Agency.KELA,
      "Kela: kuntoutustarveselvitys", null),
  KELA_WORK_ABILITY_ADVISOR("kela-work-ability-advisor", Agency.KELA, "Kela: työkykyneuvoja", null),
  PENSION_VOCATIONAL_REHABILITATION("pension-vocational-rehabilitation", Agency.PENSION,
      "Työeläkelaitos: ammatillinen kuntoutus", null),
  SUPPORTED_EMPLOYMENT("supported-employment-ips", Agency.SOTE, "Tuettu työllistyminen (IPS)", StaffGroup.JOB_COACH),
  SOCIAL_REHABILITATION("social-rehabilitation", Agency.SOTE, "Sosiaalinen kuntoutus", StaffGroup.SOTE_COUNSELLOR),
  REHABILITATIVE_WORK_ACTIVITY("rehabilitative-work-activity", Agency.SOTE, "Kuntouttava työtoiminta",
      StaffGroup.SOTE_COUNSELLOR),
  EMPLOYMENT_SERVICES("employment-services", Agency.TE, "Työllisyyspalvelut", StaffGroup.TE_COORDINATOR);

  private final String code;
  private final Agency agency;
  private final String finnishName;
  private final StaffGroup group;

  OnwardService(String code, Agency agency, String finnishName, StaffGroup group) {
    this.code = code;
    this.agency = agency;
    this.finnishName = finnishName;
    this.group = group;
  }

  @JsonValue
  public String code() {
    return code;
  }

  public Agency agency() {
    return agency;
  }

  public String finnishName() {
    return finnishName;
  }

  /** The staff group that answers in Tasklist, if the receiver works in Polku. */
  public Optional<StaffGroup> group() {
    return Optional.ofNullable(group);
  }

  /**
   * The group the receiver's tasks go to: its staff group, or for a receiver that answers through
   * the API only its system's group, whose task no one sees in Tasklist.
   */
  String taskGroup() {
    return group != null ? group.id() : StaffGroup.SYSTEM_GROUP_PREFIX + agency.code();
  }

  /** The service of a code, or an {@link IllegalArgumentException} naming the allowed codes. */
  public static OnwardService fromCode(String code) {
    return Arrays.stream(values()).filter(service -> service.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown service; use one of "
            + String.join(", ", Arrays.stream(values()).map(OnwardService::code).toList())));
  }
}
