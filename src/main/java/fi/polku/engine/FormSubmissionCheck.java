package fi.polku.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.CamundaFormRef;
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
 * within its length (at most {@link SubmissionRules#TEXT_LIMIT} characters where the form sets none) and free of
 * control characters. A submission the form would not let through gets 400 with the engine REST
 * API's error body naming the field, and nothing is stored (issue 20, docs/reliability.md).
 *
 * <p>Steps without a Camunda Form, and calls the engine refuses anyway (an unknown task, a task
 * the user may not see), pass through unchanged to the engine's own answer.
 */
@Configuration
class FormSubmissionCheck {

  /** Largest submit body read (a form of ours is a few kilobytes). */
  static final int BODY_LIMIT = 1024 * 1024;

  private static final Pattern SUBMISSION = Pattern.compile(
      "^/engine-rest(?:/engine/[^/]+)?/(task|process-definition)/(key/)?([^/]+)/(submit-form|complete|start|resolve)$");

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
    private final SubmissionRights rights;
    private final SubmissionRules rules;

    Check(ProcessEngine engine) {
      this.engine = engine;
      this.json = new ObjectMapper();
      // Deeper nesting than any form is refused while reading, before it costs a stack.
      json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(50).build());
      this.rights = new SubmissionRights(engine);
      this.rules = new SubmissionRules(json);
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
        if (task && !rights.exists(id)) {
          // The engine REST API answers a form submitted for a task that is gone with 500.
          refuse(response, 404, "No task " + SubmissionRules.printable(id) + ": it was completed or never existed.");
          return;
        }
        if (!rights.mayAct(task, matcher.group(2) != null, id)) {
          // Not the caller's to complete or start: the engine answers that (403) before any form is judged.
          chain.doFilter(new CachedBody(request, body), response);
          return;
        }
        if (task) {
          CamundaFormRef ref = forms.getTaskFormData(id).getCamundaFormRef();
          form = ref == null ? null : TasklistForm.byId(ref.getKey());
          shown = form == null ? Map.of() : new LinkedHashMap<>(forms.getTaskFormVariables(id));
        } else {
          String definitionId = matcher.group(2) == null ? id : rights.latest(id);
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
          problems.addAll(rules.check(form, shown, text));
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


}
