package fi.polku.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import java.util.Optional;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The server-side half of our Camunda Forms. Tasklist checks a form in the browser only; anyone
 * with a staff password can post to {@code /engine-rest} directly. Before the engine sees a task
 * completion or a process start whose step has one of our forms, this checks the submitted
 * variables as the form would: only the form's editable fields, each of its type (text, number,
 * true/false, an offered option, a date as the picker writes it), required fields given, text
 * within its length (at most {@link #TEXT_LIMIT} characters where the form sets none) and free of
 * control characters. A submission the form would not let through gets 400 with the engine REST
 * API's error body naming the field, and nothing is stored (issue 20, docs/reliability.md).
 *
 * <p>Steps without a Camunda Form, and calls the engine refuses anyway (an unknown task, a task
 * the user may not see), pass through unchanged to the engine's own answer.
 */
@Configuration
class FormSubmissionCheck {

  /** Longest text accepted in a form field that sets no maxLength of its own. */
  static final int TEXT_LIMIT = 10_000;
  /** Largest submit body read (a form of ours is a few kilobytes). */
  static final int BODY_LIMIT = 1024 * 1024;

  private static final Pattern SUBMISSION = Pattern.compile(
      "^/engine-rest(?:/engine/[^/]+)?/(task|process-definition)/(key/)?([^/]+)/(submit-form|complete|start|resolve)$");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

  @Bean
  FilterRegistrationBean<Check> formSubmissionCheckFilter(ProcessEngine engine) {
    FilterRegistrationBean<Check> registration = new FilterRegistrationBean<>(new Check(engine));
    registration.setName("polku-form-submission-check");
    registration.addUrlPatterns("/engine-rest/*");
    // After the engine REST authentication (order 1): the form is read as the calling user.
    registration.setOrder(5);
    return registration;
  }

  static final class Check extends OncePerRequestFilter {

    private final ProcessEngine engine;
    private final ObjectMapper json;

    Check(ProcessEngine engine) {
      this.engine = engine;
      this.json = new ObjectMapper();
      // Deeper nesting than any form is refused while reading, before it costs a stack.
      json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(50).build());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      Matcher matcher = SUBMISSION.matcher(path);
      if (!"POST".equals(request.getMethod()) || !matcher.matches()) {
        chain.doFilter(request, response);
        return;
      }
      byte[] body = request.getInputStream().readNBytes(BODY_LIMIT + 1);
      if (body.length > BODY_LIMIT) {
        refuse(response, 413, "The submission is over 1 MiB.");
        return;
      }
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(body)).toString();
      } catch (CharacterCodingException e) {
        refuse(response, 400, "The submission is not valid UTF-8.");
        return;
      }
      TasklistForm form;
      Map<String, Object> shown;
      try {
        boolean task = "task".equals(matcher.group(1));
        String id = matcher.group(3);
        FormService forms = engine.getFormService();
        if (task && !exists(id)) {
          // The engine REST API answers a form submitted for a task that is gone with 500.
          refuse(response, 404, "No task " + printable(id) + ": it was completed or never existed.");
          return;
        }
        if (!mayAct(task, matcher.group(2) != null, id)) {
          // Not the caller's to complete or start: the engine answers that (403) before any form is judged.
          chain.doFilter(new CachedBody(request, body), response);
          return;
        }
        if (task) {
          CamundaFormRef ref = forms.getTaskFormData(id).getCamundaFormRef();
          form = ref == null ? null : TasklistForm.byId(ref.getKey());
          shown = form == null ? Map.of() : new LinkedHashMap<>(forms.getTaskFormVariables(id));
        } else {
          String definitionId = matcher.group(2) == null ? id : latest(id);
          CamundaFormRef ref = definitionId == null ? null : forms.getStartFormData(definitionId).getCamundaFormRef();
          form = ref == null ? null : TasklistForm.byId(ref.getKey());
          shown = Map.of();
        }
      } catch (ProcessEngineException | IllegalArgumentException e) {
        // Unknown task or definition, or not the user's to see: the engine answers that itself.
        form = null;
        shown = Map.of();
      }
      if (form != null) {
        List<String> problems = new ArrayList<>();
        try {
          problems.addAll(check(form, shown, text));
        } catch (JsonProcessingException e) {
          problems.add("the body is not the JSON the engine REST API takes");
        }
        if (!problems.isEmpty()) {
          refuse(response, 400, "Form " + form.id() + " refuses the submission: " + String.join("; ", problems));
          return;
        }
      }
      chain.doFilter(new CachedBody(request, body), response);
    }

    /** Whether the task exists at all, whoever may see it (the caller's own query is filtered). */
    private boolean exists(String taskId) {
      org.camunda.bpm.engine.IdentityService identity = engine.getIdentityService();
      Authentication caller = identity.getCurrentAuthentication();
      identity.clearAuthentication();
      try {
        return engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
      } finally {
        if (caller != null) {
          identity.setAuthentication(caller);
        }
      }
    }

    /** Whether the authenticated caller may complete the task or start the definition (key or id). */
    private boolean mayAct(boolean task, boolean byKey, String id) {
      Authentication caller = engine.getIdentityService().getCurrentAuthentication();
      if (caller == null) {
        return true;
      }
      AuthorizationService authorizations = engine.getAuthorizationService();
      String user = caller.getUserId();
      List<String> groups = caller.getGroupIds();
      if (task) {
        Task found = engine.getTaskService().createTaskQuery().taskId(id).singleResult();
        if (found == null) {
          return false;
        }
        String definitionKey = found.getProcessDefinitionId() == null ? null
            : engine.getRepositoryService().getProcessDefinition(found.getProcessDefinitionId()).getKey();
        return authorizations.isUserAuthorized(user, groups, Permissions.UPDATE, Resources.TASK, id)
            || authorizations.isUserAuthorized(user, groups, TaskPermissions.TASK_WORK, Resources.TASK, id)
            || (definitionKey != null && (authorizations.isUserAuthorized(user, groups,
                ProcessDefinitionPermissions.UPDATE_TASK, Resources.PROCESS_DEFINITION, definitionKey)
            || authorizations.isUserAuthorized(user, groups, ProcessDefinitionPermissions.TASK_WORK,
                Resources.PROCESS_DEFINITION, definitionKey)));
      }
      String key = byKey ? id : Optional.ofNullable(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionId(id).singleResult()).map(ProcessDefinition::getKey).orElse(null);
      return key != null
          && authorizations.isUserAuthorized(user, groups, ProcessDefinitionPermissions.CREATE_INSTANCE,
              Resources.PROCESS_DEFINITION, key)
          && authorizations.isUserAuthorized(user, groups, Permissions.CREATE, Resources.PROCESS_INSTANCE);
    }

    private String latest(String key) {
      ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(key).latestVersion().withoutTenantId().singleResult();
      return definition == null ? null : definition.getId();
    }

    /** What is wrong with the submitted variables for the form shown with these variables. */
    List<String> check(TasklistForm form, Map<String, Object> shownVariables, String body) throws JsonProcessingException {
      List<String> problems = new ArrayList<>();
      JsonNode root = body.isBlank() ? json.createObjectNode() : json.readTree(body);
      if (!root.isObject()) {
        return List.of("the body must be a JSON object");
      }
      JsonNode variables = root.path("variables");
      if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
        return List.of("variables: must be an object of named variables");
      }
      Map<String, Object> data = new LinkedHashMap<>();
      shownVariables.forEach((name, value) -> data.put(name, FormValues.plain(value)));
      for (TasklistForm.Field field : form.fields()) {
        data.put(field.key(), shownVariables.containsKey(field.key())
            ? FormValues.plain(shownVariables.get(field.key())) : FormValues.emptyValue(field));
      }
      Map<String, Object> submitted = new LinkedHashMap<>();
      if (variables.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          String key = entry.getKey();
          TasklistForm.Field field = form.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
          if (field == null) {
            problems.add(printable(key) + ": no such field in the form");
            continue;
          }
          if (field.disabled()) {
            problems.add(key + ": the field is read-only");
            continue;
          }
          Object value;
          try {
            value = plainValue(entry.getValue());
          } catch (IllegalArgumentException | JsonProcessingException e) {
            problems.add(key + ": " + (e instanceof IllegalArgumentException ? e.getMessage() : "not JSON"));
            continue;
          }
          submitted.put(key, value);
          data.put(key, value);
        }
      }
      FormConditions conditions = new FormConditions(form.id());
      for (TasklistForm.Field field : form.fields()) {
        boolean hidden;
        try {
          hidden = conditions.isHidden(field, data);
        } catch (RuntimeException e) {
          // A condition that cannot read a submitted value of the wrong type: the type check names it.
          hidden = false;
        }
        if (hidden && submitted.containsKey(field.key()) && !field.disabled()) {
          // Tasklist never sends a field its condition hides: a value for it bypasses the form.
          problems.add(field.key() + ": hidden in the form by what else was entered, so it cannot be given");
          continue;
        }
        if (field.disabled() || hidden) {
          continue;
        }
        if (!submitted.containsKey(field.key()) && !shownVariables.containsKey(field.key())) {
          // Tasklist sends every field it shows, empty ones too; the process may read any of them.
          problems.add(field.key() + ": missing");
          continue;
        }
        Object value = data.get(field.key());
        FormValues.validate(field.withOptionsFrom(data), value, problems);
        if (value instanceof String textValue && submitted.containsKey(field.key())) {
          if (field.maxLength() == null && textValue.length() > TEXT_LIMIT) {
            problems.add(field.key() + ": longer than " + TEXT_LIMIT + " characters");
          }
          if (CONTROL.matcher(textValue).find()) {
            problems.add(field.key() + ": contains control characters");
          }
        }
      }
      return problems;
    }

    /** A variable of the engine REST body ({value, type, valueInfo}) as the form holds it. */
    private Object plainValue(JsonNode variable) throws JsonProcessingException {
      if (!variable.isObject()) {
        throw new IllegalArgumentException("must be {\"value\": ..., \"type\": ...}");
      }
      JsonNode value = variable.path("value");
      String type = variable.path("type").isTextual() ? variable.path("type").asText() : null;
      if (type == null || type.isEmpty()) {
        if (value.isContainerNode()) {
          throw new IllegalArgumentException("a list or object goes as a Json variable");
        }
        return json.treeToValue(value, Object.class);
      }
      return switch (type.toLowerCase(java.util.Locale.ROOT)) {
        case "json" -> value.isNull() ? null : json.readValue(value.asText(), Object.class);
        case "string" -> value.isNull() ? null : value.isTextual() ? value.asText() : json.treeToValue(value, Object.class);
        case "boolean" -> value.isBoolean() || value.isNull() ? json.treeToValue(value, Object.class) : value.asText();
        case "integer", "long", "double", "short" -> value.isNumber() || value.isNull()
            ? json.treeToValue(value, Object.class) : value.asText();
        case "null" -> null;
        default -> throw new IllegalArgumentException("a form field does not hold a " + type + " variable");
      };
    }

    private static String printable(String key) {
      String cleaned = CONTROL.matcher(key).replaceAll("?");
      return cleaned.length() > 60 ? cleaned.substring(0, 60) + "…" : cleaned;
    }

    private void refuse(HttpServletResponse response, int status, String message) throws IOException {
      response.setStatus(status);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      ObjectNode body = json.createObjectNode();
      // The engine REST API's own error shape, so Tasklist shows the message to the user.
      body.put("type", "InvalidRequestException");
      body.put("message", message);
      json.writeValue(response.getOutputStream(), body);
    }
  }

  /** The request with its body read once and given again to the engine. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
