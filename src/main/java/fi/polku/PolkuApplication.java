package fi.polku;

import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Polku: cross-agency service paths as executable BPMN on Camunda 7. */
@SpringBootApplication
public class PolkuApplication {

  public static void main(String[] args) {
    Optional<String> missing = RequiredEnvironment.check(args);
    if (missing.isPresent()) {
      // One clear line instead of a placeholder stack trace from deep inside Spring.
      System.err.println(missing.get());
      System.exit(2);
    }
    SpringApplication.run(PolkuApplication.class, args);
  }
}
