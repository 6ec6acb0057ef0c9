package fi.polku.support;

import fi.polku.engine.TasklistForm;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Camunda Tasklist driven as a member of staff drives it: log in, open a task, claim it, fill in
 * its Camunda Form field by field with the mouse and keyboard, and press "Merkitse valmiiksi"; or
 * start a process from "Käynnistä prosessi". The fields are found from the form file, so every
 * field a test enters is the one a user sees.
 */
public final class TasklistPage {

  private static final DateTimeFormatter PICKER_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
  private static final DateTimeFormatter PICKER_TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final Browser browser;
  private final ChromeDriver driver;
  private final String baseUrl;

  public TasklistPage(Browser browser, int port) {
    this.browser = browser;
    this.driver = browser.driver();
    this.baseUrl = "http://127.0.0.1:" + port + "/camunda/app/tasklist/";
    // Waiting is done here, condition by condition: an implicit wait would stall every "is it gone yet?".
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
  }

  /** Logs in to Tasklist (after logging out whoever was in). */
  public void logIn(String user, String password) {
    driver.manage().deleteAllCookies();
    driver.get(baseUrl);
    // The login page renders twice as Angular starts: type only once both fields are there, and check them.
    waitUntil("the login form holds the user and password", () -> {
      List<WebElement> name = driver.findElements(By.cssSelector("input[ng-model='username']"));
      List<WebElement> secret = driver.findElements(By.cssSelector("input[ng-model='password']"));
      if (name.isEmpty() || secret.isEmpty()) {
        return false;
      }
      type(name.get(0), user);
      type(secret.get(0), password);
      return user.equals(name.get(0).getAttribute("value")) && password.equals(secret.get(0).getAttribute("value"));
    });
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    waitUntil("Tasklist shows " + user + " logged in", () -> !driver.findElements(By.cssSelector("li.account")).isEmpty());
  }

  /** Opens the task and waits for its form. */
  public void show(String taskId) {
    load(baseUrl + "#/?task=" + taskId, By.cssSelector(".fjs-form"));
  }

  /**
   * Opens the address and waits for the element. On a busy machine Tasklist's single-page app now
   * and then stalls on its loading spinner while it starts: reload, as a user would, up to twice.
   */
  private WebElement load(String url, By awaited) {
    driver.get(url);
    for (int reload = 0; ; reload++) {
      try {
        return waitFor(awaited);
      } catch (AssertionError stalled) {
        if (reload == 2) {
          throw stalled;
        }
        driver.navigate().refresh();
      }
    }
  }

  /** Claims the task shown, fills in the form with what the user enters and presses "Merkitse valmiiksi". */
  public void complete(String taskId, TasklistForm form, Map<String, ?> entered) {
    complete(taskId, form, entered, false);
  }

  /**
   * {@link #complete(String, TasklistForm, Map)}; a task already assigned to the user (an onward
   * referral's sender task goes to its responsible worker) has nothing to claim.
   */
  public void complete(String taskId, TasklistForm form, Map<String, ?> entered, boolean assignedToUser) {
    if (!assignedToUser) {
      WebElement claim = waitFor(By.cssSelector("button.claim"));
      claim.click();
      waitUntil("the task is claimed", () -> driver.findElements(By.cssSelector("button.claim")).isEmpty());
    }
    waitFor(By.cssSelector(".fjs-form"));
    fillAndPress(form, entered, "button[ng-click='complete()']", "Merkitse valmiiksi");
  }

  /** Starts the process by its name from "Käynnistä prosessi", filling in its start form. */
  public void start(String processName, TasklistForm form, Map<String, ?> entered) {
    load(baseUrl, By.xpath("//a[@ng-click='open()' and contains(., 'Käynnistä prosessi')]")).click();
    waitFor(By.xpath("//a[@ng-click='selectProcessDefinition(processDefinition)' and normalize-space()='"
        + processName + "']")).click();
    waitFor(By.cssSelector(".modal .fjs-form"));
    fillAndPress(form, entered, "button[ng-click='startProcessInstance()']", "Käynnistä");
  }

  /** Fills in the form, keeps its picture, and presses the button once Tasklist enables it. */
  private void fillAndPress(TasklistForm form, Map<String, ?> entered, String buttonCss, String buttonText) {
    fill(form, entered);
    picture(form);
    WebElement button = driver.findElement(By.cssSelector(buttonCss));
    waitUntil("'" + buttonText + "' is enabled", button::isEnabled);
    button.click();
  }

  /** The filled-in form as the user sees it before pressing the button: target/tasklist-forms/<form id>.png. */
  private void picture(TasklistForm form) {
    try {
      browser.screenshot(java.nio.file.Path.of("target", "tasklist-forms", form.id() + ".png"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The error notices Tasklist shows (red), e.g. "Tehtävälomakkeen lähettämisessä tapahtui virhe: ...". */
  public List<String> errors() {
    return visibleTexts(".alert-danger, .alert-error");
  }

  /** The form-js validation messages under fields. */
  public List<String> fieldErrors() {
    return visibleTexts(".fjs-form-field-error");
  }

  /** Texts of the visible elements, read in one go in the page (notices come and go while Java looks). */
  @SuppressWarnings("unchecked")
  private List<String> visibleTexts(String css) {
    return (List<String>) ((JavascriptExecutor) driver).executeScript(
        "return Array.from(document.querySelectorAll(arguments[0]))"
            + ".filter(e => e.offsetParent !== null && e.innerText.trim() !== '').map(e => e.innerText.trim());", css);
  }

  public Browser browser() {
    return browser;
  }

  private void fill(TasklistForm form, Map<String, ?> entered) {
    for (TasklistForm.Field field : form.fields()) {
      if (!entered.containsKey(field.key())) {
        continue;
      }
      Object value = entered.get(field.key());
      String id = field.componentId();
      switch (field.type()) {
        case "textfield", "textarea", "number" -> type(input(id), value == null ? "" : String.valueOf(value));
        case "checkbox" -> tick(input(id), Boolean.TRUE.equals(value));
        case "checklist" -> {
          for (int index = 0; index < field.options().size(); index++) {
            boolean wanted = ((Collection<?>) value).contains(field.options().get(index));
            tick(input(id + "-" + index), wanted);
          }
        }
        case "radio" -> input(id + "-" + field.options().indexOf(String.valueOf(value))).click();
        // A select fed by a variable (the users a case manager is chosen from) labels each user
        // "Name (user id)": the option is found by its user id.
        case "select" -> pick(id, field.valuesKey() == null ? field.labelOf(value) : null,
            field.valuesKey() == null ? null : "(" + value + ")");
        case "datetime" -> pickTime(id, field, value);
        default -> throw new IllegalArgumentException("No way to fill a " + field.type() + " field yet");
      }
    }
    // What a person checks before pressing the button: every text typed is still in its field.
    for (TasklistForm.Field field : form.fields()) {
      Object value = entered.get(field.key());
      if (value != null && List.of("textfield", "textarea", "number").contains(field.type())
          && !String.valueOf(value).equals(input(field.componentId()).getDomProperty("value"))) {
        type(input(field.componentId()), String.valueOf(value));
      }
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private WebElement input(String componentId) {
    By by = By.cssSelector("[id$='-" + componentId + "']");
    WebElement element = waitFor(by);
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    return element;
  }

  /** Types the text into the field as a user would, and checks that the field holds it. */
  private void type(WebElement input, String text) {
    for (int attempt = 0; attempt < 3; attempt++) {
      input.click();
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(text);
      // form-js takes typed text into its state a moment later (debounced): give it that moment, as a
      // person's pause would, so that the next field's change does not re-render this one empty.
      pause(Duration.ofMillis(400));
      if (text.equals(input.getDomProperty("value"))) {
        return;
      }
    }
    throw new AssertionError("The field " + input.getDomAttribute("id") + " does not take '" + text + "': it holds '"
        + input.getDomProperty("value") + "'");
  }

  private void tick(WebElement checkbox, boolean wanted) {
    if (checkbox.isSelected() != wanted) {
      checkbox.click();
    }
  }

  private void pick(String componentId, String label, String labelEnd) {
    WebElement field = waitFor(By.xpath("//label[substring(@for, string-length(@for) - string-length('-" + componentId
        + "') + 1) = '-" + componentId + "']/.."));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
    field.findElement(By.cssSelector(".fjs-input-group")).click();
    String option = label != null ? "normalize-space()='" + label + "'"
        : "substring(normalize-space(), string-length(normalize-space()) - string-length('" + labelEnd + "') + 1) = '"
            + labelEnd + "'";
    WebElement item = waitFor(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and " + option + "]"));
    clickWhenUncovered(item);
  }

  /**
   * Clicks the element once a user could: a long list scrolls inside its dropdown, and the dropdown itself may open
   * below the visible part of Tasklist's start dialog. Scrolls every container so the element is in view, and clicks
   * only when the element is the one under its own centre (not the dialog's body), as a user scrolls before clicking.
   */
  private void clickWhenUncovered(WebElement element) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    String label = element.getText();
    waitUntil("the option '" + label + "' to be uncovered", () -> {
      js.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
      return Boolean.TRUE.equals(js.executeScript(
          "const r = arguments[0].getBoundingClientRect();"
              + "const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
              + "return hit !== null && (hit === arguments[0] || arguments[0].contains(hit));",
          element));
    });
    element.click();
  }

  private void pickTime(String componentId, TasklistForm.Field field, Object value) {
    ZonedDateTime at = value instanceof LocalDate date ? date.atStartOfDay(ZoneId.systemDefault())
        : ((Instant) value).atZone(ZoneId.systemDefault());
    // A date-time field has a date and a time input; a date field has one, named by some versions "-date".
    By dateInput = By.cssSelector("[id$='-" + componentId + "-date'], input[id$='-" + componentId + "']");
    WebElement date = waitFor(dateInput);
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", date);
    type(date, at.format(PICKER_DATE));
    date.sendKeys(Keys.ENTER);
    if (!"date".equals(field.subtype())) {
      WebElement time = input(componentId + "-time");
      type(time, at.format(PICKER_TIME));
      time.sendKeys(Keys.TAB);
    }
  }

  private WebElement waitFor(By by) {
    waitUntil(by.toString(), () -> !driver.findElements(by).isEmpty());
    return driver.findElement(by);
  }

  /** Waits up to 30 s for the condition, or fails saying what was awaited. */
  public static void waitUntil(String what, BooleanSupplier condition) {
    long until = System.currentTimeMillis() + Duration.ofSeconds(30).toMillis();
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > until) {
        throw new AssertionError("Waited 30 s in vain for: " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
