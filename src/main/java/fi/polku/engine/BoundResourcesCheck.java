package fi.polku.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Refuses a deployment that would break a path: every Camunda Form and DMN decision that a
 * process binds with {@code deployment} must come in the same deployment. Without this, a process
 * owner deploying {@code te-referral.bpmn} from Camunda Modeler without attaching its forms got a
 * "deployed", and the coordinator then met a 404 where the start form should be.
 *
 * <p>The check runs before the engine's own deployers, for every way in: Camunda Modeler and
 * {@code POST /engine-rest/deployment/create} (answered 400 naming each missing file), the Java
 * API and our own start-up deployment. A form is known by the {@code id} inside its {@code .form}
 * file and a decision by its id in a {@code .dmn} file, whatever the files are called. Models
 * already deployed are not checked again when the engine reloads them.
 */
@Component
public class BoundResourcesCheck extends AbstractProcessEnginePlugin {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DECISION_ID = Pattern.compile("<(?:\\w+:)?decision\\b[^>]*?\\bid=\"([^\"]+)\"");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(BoundResourcesCheck::check);
    configuration.setCustomPreDeployers(deployers);
  }

  /** Throws {@link BadUserRequestException} listing every form and decision the deployment lacks. */
  static void check(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    Set<String> forms = new HashSet<>();
    Set<String> decisions = new HashSet<>();
    List<ResourceEntity> processes = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      if (resource.getBytes() == null) {
        continue;
      }
      if (name.endsWith(".form")) {
        formId(resource.getBytes()).ifPresent(forms::add);
      } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        Matcher ids = DECISION_ID.matcher(new String(resource.getBytes(), StandardCharsets.UTF_8));
        while (ids.find()) {
          decisions.add(ids.group(1));
        }
      } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        processes.add(resource);
      }
    }
    List<String> missing = new ArrayList<>();
    for (ResourceEntity resource : processes) {
      BpmnModelInstance model;
      try {
        model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
      } catch (RuntimeException unreadable) {
        continue; // the engine's BPMN parser reports an unreadable model itself
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        needForm(resource, task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(), forms, missing);
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        needForm(resource, start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(), forms, missing);
      }
      for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
        String decision = task.getCamundaDecisionRef();
        if (decision != null && "deployment".equals(task.getCamundaDecisionRefBinding()) && !decisions.contains(decision)) {
          missing.add(resource.getName() + ": " + task.getId() + " needs the decision '" + decision
              + "': attach the .dmn file that holds it");
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new BadUserRequestException("Deployment '" + deployment.getName() + "' refused: a process binds files"
          + " that are not in it, so its steps could not show their forms. " + String.join("; ", missing));
    }
  }

  private static void needForm(ResourceEntity resource, String elementId, String form, String binding,
      Set<String> forms, List<String> missing) {
    if (form != null && "deployment".equals(binding) && !forms.contains(form)) {
      missing.add(resource.getName() + ": " + elementId + " needs the form '" + form + "': attach " + form
          + ".form (in Camunda Modeler: Include additional files)");
    }
  }

  private static Optional<String> formId(byte[] bytes) {
    try {
      JsonNode form = JSON.readTree(bytes);
      return form.hasNonNull("id") ? Optional.of(form.get("id").asText()) : Optional.empty();
    } catch (IOException unreadable) {
      return Optional.empty(); // the engine reports an unreadable form itself
    }
  }
}
