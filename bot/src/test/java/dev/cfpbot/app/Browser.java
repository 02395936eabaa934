package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through Debian's chromedriver: nothing is downloaded (Selenium is
 * given both paths), each browser has a fresh profile, and screenshots go under {@code target/}.
 */
final class Browser implements AutoCloseable {
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path profile;

  Browser(int width, int height) {
    assertThat(DRIVER)
        .as(
            "the browser tests need Debian's chromium and chromium-driver"
                + " (apt-get install -y chromium chromium-driver; .ci/run installs them)")
        .isExecutable();
    try {
      profile = Files.createTempDirectory("cfpbot-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(CHROMIUM.toFile())
            .addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile);
    driver = new ChromeDriver(service, options);
    // An element a form's answer brings is waited for, not raced.
    driver.manage().timeouts().implicitlyWait(java.time.Duration.ofSeconds(5));
    resize(width, height);
  }

  /**
   * Does {@code action} (a click or a choice that posts a form or follows a link) and waits until
   * the page it leads to has replaced this one. The implicit wait covers an element only the next
   * page has; an element both pages have (a list, a count) would otherwise be found on this page
   * and go stale under its reader once the next one arrives.
   */
  void toNextPage(Runnable action) {
    WebElement page = driver.findElement(By.tagName("html"));
    action.run();
    new WebDriverWait(driver, java.time.Duration.ofSeconds(10)).until(d -> gone(page));
  }

  /**
   * Whether {@code element}'s document has been replaced. Chrome, asked in the middle of the
   * navigation, sometimes answers for the old document's node with an inspector error ("Node with
   * given id does not belong to the document") instead of a stale element: gone as well. That
   * answer failed {@code ReviewBoardBrowserIT} in CI once (2026-12-01, 01:56 UTC), through
   * Selenium's {@code stalenessOf}, which knows only the stale element.
   */
  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /**
   * The whole page (the window made as tall as the page, up to 2,400 pixels, then restored), under
   * target/screenshots/{name}.png.
   */
  Path screenshot(String name) {
    Dimension window = driver.manage().window().getSize();
    Object tall = driver.executeScript("return document.documentElement.scrollHeight");
    int height = Math.min(2400, Math.max(window.getHeight(), ((Number) tall).intValue()));
    driver.manage().window().setSize(new Dimension(window.getWidth(), height));
    try {
      Files.createDirectories(SHOTS);
      Path file = SHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(window);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
