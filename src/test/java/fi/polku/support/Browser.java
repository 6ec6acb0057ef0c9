package fi.polku.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's packages (chromium, chromium-driver), driven by Selenium. No
 * browser is downloaded: without the packages the test is skipped with a message, and under
 * CI=true it fails, since CI installs them.
 */
public final class Browser implements AutoCloseable {

  public static final File CHROMIUM = new File("/usr/bin/chromium");
  public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  public static void assumeAvailable() {
    boolean available = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    if (!available && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("CI=true but Debian's chromium and chromium-driver are not installed (see .ci/run)");
    }
    Assumptions.assumeTrue(available, "Browser test skipped: install Debian's chromium and chromium-driver to run it");
  }

  public Browser() throws IOException {
    profile = Files.createTempDirectory("polku-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1280,4000", "--lang=fi", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    // An element looked for right after a navigation may not be there yet: wait for it a while.
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
  }

  /** The Selenium driver, for pages that need more than these helpers. */
  public ChromeDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public String title() {
    return driver.getTitle();
  }

  public void logIn(String user, String password) {
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    String loginPage = driver.getCurrentUrl();
    driver.findElement(By.id("login")).click();
    // The form posts and is redirected: wait until the browser has left the login page.
    long until = System.currentTimeMillis() + 10_000;
    while (driver.getCurrentUrl().equals(loginPage) && System.currentTimeMillis() < until) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  public String text(String css) {
    return driver.findElement(By.cssSelector(css)).getText();
  }

  public List<String> texts(String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(element -> element.getText()).toList();
  }

  public int count(String css) {
    return driver.findElements(By.cssSelector(css)).size();
  }

  public void screenshot(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
