package fi.polku.referral;

import org.springframework.stereotype.Component;

/**
 * The referrer's status texts when the referral closes after specialist care (bean {@code
 * specialistCareTexts} in the model): how it ended, never the content (no health data, no free text).
 */
@Component("specialistCareTexts")
public class SpecialistCareTexts {

  /** After specialist care returned the client and the counsellor closed the referral (form te-referral-specialist-return). */
  public String closedAfterReturn(String reason) {
    String why = switch (reason == null ? "" : reason) {
      case "treatment-continues" -> "asiakkaan hoito jatkuu erikoissairaanhoidossa";
      case "other-service" -> "asiakas ohjattiin muuhun palveluun";
      case "client-declined" -> "asiakas ei halunnut jatkaa";
      case "no-need" -> "työkyvyn tuen tiimin palvelu ei ole tarpeen";
      default -> "sote-keskus päätti sulkea lähetteen";
    };
    return "Erikoissairaanhoito palautti asiakkaan sote-keskukseen, ja lähete suljettiin: " + why + ".";
  }

  /** The onward referral to specialist care ended without the client's return (onward-referral's end states). */
  public String endedWithoutReturn(String outcome) {
    String how = switch (outcome == null ? "" : outcome) {
      case "given-to-client" -> "lähete annettiin asiakkaalle itse toimitettavaksi, koska suostumusta tietojen siirtoon ei ole";
      case "sent-elsewhere" -> "erikoissairaanhoito ei ottanut asiakasta vastaan, ja sote-keskus ohjasi asiakkaan toiseen palveluun";
      case "closed-with-reason" -> "erikoissairaanhoito ei ottanut asiakasta vastaan, ja sote-keskus sulki ohjauksen perustellen";
      default -> "sote-keskus perui ohjauksen";
    };
    return "Erikoissairaanhoidon jatko-ohjaus päättyi ilman paluuta: " + how + ". Lähete on suljettu.";
  }
}
