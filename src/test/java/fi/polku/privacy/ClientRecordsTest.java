package fi.polku.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every table of Polku's schema is either reached from a client's case (so an export shows it and
 * the removal at the end of the retention deletes it) or declared as holding no client data: a new
 * table that is neither fails here, before a client's data could be left behind.
 */
@SpringBootTest
@ActiveProfiles("test")
class ClientRecordsTest {

  @Autowired ClientRecords records;

  @Test
  void everyTableIsReachedFromTheCaseOrDeclaredToHoldNoClientData() {
    ClientRecords.Schema schema = records.schema();
    Set<String> reached = new HashSet<>(Set.of("client", "client_case"));
    List<String> pending = new ArrayList<>(List.of("client_case"));
    while (!pending.isEmpty()) {
      for (ClientRecords.Link link : schema.childrenOf(pending.remove(0))) {
        if (reached.add(link.child())) {
          pending.add(link.child());
        }
      }
    }
    Set<String> unaccounted = new HashSet<>(schema.tables());
    unaccounted.removeAll(reached);
    unaccounted.removeAll(ClientRecords.NOT_CLIENT_DATA.keySet());

    assertThat(unaccounted).as("tables neither linked to a case nor declared to hold no client data").isEmpty();
    assertThat(reached).contains("consent", "consent_check", "mail_outbox", "referral_status_history",
        "onward_referral_status_history", "supported_employment_follow_up", "case_responsible");
  }

  @Test
  void childTablesComeAfterTheTablesTheyPointAt() {
    List<String> order = records.schema().parentsFirst();

    assertThat(order.indexOf("client")).isLessThan(order.indexOf("client_case"));
    assertThat(order.indexOf("client_case")).isLessThan(order.indexOf("referral"));
    assertThat(order.indexOf("referral")).isLessThan(order.indexOf("referral_status_history"));
    assertThat(order.indexOf("supported_employment_job")).isLessThan(order.indexOf("supported_employment_follow_up"));
  }
}
