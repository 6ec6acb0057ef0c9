package fi.polku.onward;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The onward referral's times, set in application.yaml under {@code polku.onward} and documented
 * in docs/processes/onward-referral.md.
 *
 * @param answerDue working days the receiver has to accept or reject before the sender decides and
 *     the team lead is told ({@code P5D}; days only)
 */
@ConfigurationProperties(prefix = "polku.onward")
record OnwardProperties(String answerDue) {

  OnwardProperties {
    if (answerDue == null || answerDue.isBlank()) {
      answerDue = "P5D";
    }
  }
}
