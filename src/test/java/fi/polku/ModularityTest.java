package fi.polku;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The package-by-feature boundaries of docs/conventions.md: no cycles between modules, and no
 * module reaching into another's internals. Also draws the module diagram into docs/modules/.
 */
class ModularityTest {

  private final ApplicationModules modules = ApplicationModules.of(PolkuApplication.class);

  @Test
  void modulesKeepTheirBoundaries() {
    modules.verify();
  }

  @Test
  void theModuleDiagramIsWrittenIntoDocs() {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults());
  }
}
