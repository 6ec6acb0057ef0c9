package fi.polku.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.polku.support.TestReferrals;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change of IDENTITY_KEY without downtime: with the old key given as IDENTITY_KEY_PREVIOUS the
 * stored codes are still read and their clients found, the rotation seals every row again with the
 * new key, and afterwards the new key alone reads them all.
 */
@SpringBootTest
@ActiveProfiles("test")
class IdentityKeyRotationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired CaseNumberGenerator numbers;
  @Autowired Clock clock;
  @Autowired TransactionTemplate transaction;

  private final String oldKey = randomKey();
  private final String newKey = randomKey();

  @Test
  void duringTheChangeBothKeysReadAndTheRotationLeavesOnlyTheNewKey() {
    ClientCaseService before = service(new IdentityProtector(oldKey, null, null));
    PersonalIdentityCode returning = nextCode();
    PersonalIdentityCode quiet = nextCode();
    String returningCase = before.openCase(newCase(returning)).caseNumber();
    String quietCase = before.openCase(newCase(quiet)).caseNumber();

    IdentityProtector changing = new IdentityProtector(newKey, null, oldKey);
    ClientCaseService during = service(changing);
    // A client of the old key is read and found again; a second referral joins the same client.
    assertThat(during.identityCodeOf(quietCase)).isEqualTo(quiet);
    assertThat(during.caseNumbersOf(returning)).containsExactly(returningCase);
    String secondCase = during.openCase(newCase(returning)).caseNumber();
    assertThat(clientOf(secondCase)).isEqualTo(clientOf(returningCase));

    IdentityKeyRotation rotation = new IdentityKeyRotation(jdbc, changing, transaction);
    IdentityKeyRotation.Result result = rotation.run();
    // The returning client was sealed again when found; the quiet one by the rotation.
    assertThat(result.resealed()).isEqualTo(1);
    assertThat(keyIdOf(quietCase)).isEqualTo(changing.currentKeyId());
    assertThat(rotation.run().resealed()).as("a second pass has nothing left to do").isZero();

    ClientCaseService after = service(new IdentityProtector(newKey, null, null));
    assertThat(after.identityCodeOf(quietCase)).isEqualTo(quiet);
    assertThat(after.identityCodeOf(returningCase)).isEqualTo(returning);
    assertThat(after.caseNumbersOf(quiet)).containsExactly(quietCase);
    assertThat(after.caseNumbersOf(returning)).containsExactlyInAnyOrder(returningCase, secondCase);
  }

  @Test
  void aRowNoGivenKeyOpensIsCountedAndLeftAsItWas() {
    String lostKey = randomKey();
    PersonalIdentityCode code = nextCode();
    String caseNumber = service(new IdentityProtector(lostKey, null, null)).openCase(newCase(code)).caseNumber();
    String stored = encryptedOf(caseNumber);

    IdentityProtector changing = new IdentityProtector(newKey, null, oldKey);
    IdentityKeyRotation.Result result = new IdentityKeyRotation(jdbc, changing, transaction).run();

    assertThat(result.unreadable()).isPositive();
    assertThat(encryptedOf(caseNumber)).isEqualTo(stored);
    assertThatThrownBy(() -> service(changing).identityCodeOf(caseNumber))
        .hasMessage("A stored identity code cannot be decrypted with IDENTITY_KEY or IDENTITY_KEY_PREVIOUS")
        .hasMessageNotContaining(code.value());
  }

  @Test
  void thePreviousKeyMustBeAnotherKey() {
    assertThatThrownBy(() -> new IdentityProtector(newKey, null, newKey))
        .hasMessage("IDENTITY_KEY_PREVIOUS is the same key as IDENTITY_KEY");
  }

  private ClientCaseService service(IdentityProtector protector) {
    return new ClientCaseService(jdbc, protector, numbers, clock);
  }

  private static NewCase newCase(PersonalIdentityCode code) {
    return new NewCase(code, null, null, null, "Pori", Agency.TE, "koordinaattori");
  }

  private long clientOf(String caseNumber) {
    return jdbc.queryForObject("select client_id from client_case where case_number = ?", Long.class, caseNumber);
  }

  private String keyIdOf(String caseNumber) {
    return jdbc.queryForObject("select k.identity_key_id from client k join client_case c on c.client_id = k.id"
        + " where c.case_number = ?", String.class, caseNumber);
  }

  private String encryptedOf(String caseNumber) {
    return jdbc.queryForObject("select k.identity_encrypted from client k join client_case c on c.client_id = k.id"
        + " where c.case_number = ?", String.class, caseNumber);
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** A made-up identity code (individual number 900–999), another person each time. */
  private static PersonalIdentityCode nextCode() {
    return PersonalIdentityCode.parse(TestReferrals.randomTestCode());
  }

}
