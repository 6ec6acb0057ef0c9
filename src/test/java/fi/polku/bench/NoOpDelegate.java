package fi.polku.bench;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Every service task of the benchmark's baseline processes: the engine's cost without ours. */
public class NoOpDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    // Deliberately nothing: the baseline measures the engine alone.
  }
}
