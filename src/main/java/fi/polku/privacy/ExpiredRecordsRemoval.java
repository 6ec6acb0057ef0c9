package fi.polku.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Nightly, in the same window as the engine's history cleanup and after it, removes the records of
 * the cases whose retention has ended. Every node may run it: a case already removed is not found.
 */
@Configuration
@EnableScheduling
class ExpiredRecordsRemoval {

  private static final Logger LOG = LoggerFactory.getLogger(ExpiredRecordsRemoval.class);

  private final DataSubjectRecords records;

  ExpiredRecordsRemoval(DataSubjectRecords records) {
    this.records = records;
  }

  @Scheduled(cron = "${polku.privacy.removal-cron:0 30 4 * * *}", zone = "Europe/Helsinki")
  void nightly() {
    int removed = records.removeExpired();
    // A count only: no case number or other personal data in the log.
    LOG.info("Records of {} cases removed at the end of their retention", removed);
  }
}
