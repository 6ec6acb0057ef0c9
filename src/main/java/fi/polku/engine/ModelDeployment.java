package fi.polku.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN, DMN and Camunda Form from the top-level {@code processes/} and {@code forms/}
 * folders (copied to the classpath by the build) as one deployment.
 *
 * <p>The starter's auto-deployment skips {@code .form} files and names resources by absolute
 * file path; a form bound with {@code camunda:formRefBinding="deployment"} must be in the same
 * deployment as its process, so we deploy ourselves, with stable relative names and duplicate
 * filtering so that a restart with unchanged files creates no new deployment.
 */
@Component
public class ModelDeployment extends AbstractProcessEnginePlugin {

  /** The name every start-up deployment carries; duplicate filtering compares against it. */
  public static final String DEPLOYMENT_NAME = "polku-models";

  static final String[] PATTERNS = {
    "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form"
  };

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    deploy(processEngine.getRepositoryService(), findModels());
  }

  /** The model files on the classpath, keyed by their name relative to the classpath root. */
  Map<String, byte[]> findModels() {
    Map<String, byte[]> models = new TreeMap<>();
    try {
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources(pattern)) {
          models.put(relativeName(resource), read(resource));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the models in processes/ and forms/", e);
    }
    return models;
  }

  /**
   * Deploys the given models unless the latest deployment of the same name holds identical ones.
   *
   * @return the id of the new deployment, or of the previous one when nothing changed
   */
  public String deploy(RepositoryService repositoryService, Map<String, byte[]> models) {
    if (models.isEmpty()) {
      LOG.warn("No models found in processes/ or forms/: nothing deployed");
      return null;
    }
    DeploymentBuilder builder =
        repositoryService
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source("processes/ and forms/")
            // false: when one file changed, all are deployed again, so forms stay beside processes.
            .enableDuplicateFiltering(false);
    models.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
    Deployment deployment = builder.deploy();
    LOG.info(
        "Models in processes/ and forms/: {} files, deployment '{}' {}",
        models.size(),
        DEPLOYMENT_NAME,
        deployment.getId());
    return deployment.getId();
  }

  private static String relativeName(Resource resource) throws IOException {
    String url = resource.getURL().toString();
    for (String folder : new String[] {"processes/", "forms/"}) {
      int at = url.lastIndexOf("/" + folder);
      if (at >= 0) {
        return url.substring(at + 1);
      }
    }
    return resource.getFilename();
  }

  private static byte[] read(Resource resource) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    }
  }
}
