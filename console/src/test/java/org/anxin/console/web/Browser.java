package org.anxin.console.web;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A headless Chromium on the console under test, driven by Selenium through Debian's {@code chromedriver} (given
 * explicitly, so Selenium Manager never downloads anything), with a fresh profile. Where Chromium is missing the
 * test is skipped with a message, except in CI ({@code CI} set), where it fails.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration WAIT = Duration.ofSeconds(10);
  private static final List<Browser> OPEN = new CopyOnWriteArrayList<>();

  static {
    // A test whose set-up failed half-way may not close its browsers: none outlives the test JVM.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(b -> b.driver.quit())));
  }

  private final String name;
  private final String base;
  private final Path profile;
  private final ChromeDriver driver;

  private Browser(String name, String base, int width, int height) throws IOException {
    this.name = name;
    this.base = base;
    this.profile = Files.createTempDirectory("anxin-chromium");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--autoplay-policy=no-user-gesture-required", "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
    OPEN.add(this);
  }

  /** A browser window of the given size on the console at {@code base} (e.g. {@code http://127.0.0.1:1234}). */
  public static Browser open(String name, String base, int width, int height) throws IOException {
    requireChromium();
    return new Browser(name, base, width, height);
  }

  public static void requireChromium() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present && System.getenv("CI") != null) {
      Assertions.fail("Chromium is missing in CI: run console/src/test/browser/install-chromium.sh");
    }
    Assumptions.assumeTrue(present, "skipped: no Chromium at " + CHROMIUM + " and " + DRIVER
        + " (apt-get install -y chromium chromium-driver); CI is unset");
  }

  /** Signs in on the sign-in page and waits for the role's page to be ready. */
  public Browser login(String username, String password) {
    go("/ui/").ready();
    type(By.id("username"), username);
    type(By.id("password"), password);
    driver.findElement(By.id("login-submit")).click();
    until(d -> !d.getCurrentUrl().endsWith("/ui/"));
    return ready();
  }

  public Browser go(String path) {
    driver.get(base + path);
    return this;
  }

  /** Waits until the page says it has loaded its data ({@code body[data-ready]}). */
  public Browser ready() {
    until(d -> "true".equals(script("return document.body && document.body.dataset.ready")));
    return this;
  }

  public void type(By by, String text) {
    WebElement field = driver.findElement(by);
    field.clear();
    field.sendKeys(text);
  }

  /** Clicks what the locator finds, finding it again when the page re-rendered it meanwhile. */
  public void click(By by) {
    until(d -> {
      d.findElement(by).click();
      return true;
    });
  }

  public WebElement find(By by) {
    return until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(by));
  }

  public <T> T until(Function<org.openqa.selenium.WebDriver, T> condition) {
    return until(condition, WAIT);
  }

  public <T> T until(Function<org.openqa.selenium.WebDriver, T> condition, Duration timeout) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(20)).ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Saves a screenshot of the whole page (its passing toast hidden) under {@code target/screenshots/}; and under
   * {@code docs/console/} when asked with {@code -Danxin.docs=true}.
   */
  public Path screenshot(String file) {
    script("const toast = document.getElementById('toast'); if (toast) toast.hidden = true;");
    Path shot = saveWholePage(Path.of("target", "screenshots"), file);
    if (Boolean.getBoolean("anxin.docs")) {
      copy(shot, Path.of("..", "docs", "console", file));
    }
    return shot;
  }

  private Path saveWholePage(Path folder, String file) {
    Number width = (Number) script("return document.documentElement.scrollWidth");
    Number height = (Number) script("return document.documentElement.scrollHeight");
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
        "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    try {
      Files.createDirectories(folder);
      return Files.write(folder.resolve(file), java.util.Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path save(Path folder, String file) {
    try {
      Files.createDirectories(folder);
      File png = driver.getScreenshotAs(OutputType.FILE);
      return Files.move(png.toPath(), folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every open browser saves what it shows and its console log, named for the failed test (called by
   * {@link ScreenshotOnFailure}).
   */
  static void saveAllFailed(String test) {
    Path folder = Path.of("target", "browser-failures");
    for (Browser b : OPEN) {
      b.save(folder, test + "-" + b.name + ".png");
      StringBuilder log = new StringBuilder(b.driver.getCurrentUrl()).append('\n');
      b.driver.manage().logs().get("browser").forEach(entry -> log.append(entry).append('\n'));
      try {
        Files.writeString(folder.resolve(test + "-" + b.name + ".log"), log);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Closes what a test class opened, in order, skipping what its set-up never got to open. */
  public static void closeAll(AutoCloseable... opened) throws Exception {
    for (AutoCloseable c : opened) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Override
  public void close() {
    OPEN.remove(this);
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
