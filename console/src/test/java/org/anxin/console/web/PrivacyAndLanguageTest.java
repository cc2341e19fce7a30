package org.anxin.console.web;

import org.anxin.console.testing.Console;
import org.anxin.console.testing.People;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verifies that a family member sees their relative and nothing of anyone else, even by typing another elder's
 * address; that the pages switch between zh-CN and English and keep the choice; that a page which loses its live
 * stream says so and reconnects; and that the pages are served
 * under a Content-Security-Policy without inline code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class PrivacyAndLanguageTest {

  private Console console;
  private People people;
  private String base;
  private Browser browser;

  @BeforeAll
  void start() throws Exception {
    Browser.requireChromium();
    console = Console.start(Map.of(), false);
    people = console.people();
    base = "http://127.0.0.1:" + console.port();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @AfterAll
  void stop() throws Exception {
    Browser.closeAll(console);
  }

  @Test
  @DisplayName("a family member who types another elder's address gets nothing of that elder")
  void familySeesOnlyTheirRelative() throws Exception {
    // GIVEN elder A's daughter signed in, her father's page showing
    browser = Browser.open("family", base, 390, 844).login("famA", People.PASSWORD);
    browser.find(By.id("relative-name"));
    assertTrue(browser.driver().getPageSource().contains("王秀英"));
    // WHEN she types elder B's page and elder B's API address
    browser.go("/ui/family.html?elder=" + people.elderB()).ready();
    String page = browser.driver().getPageSource();
    browser.go("/api/elders/" + people.elderB());
    String api = browser.driver().getPageSource();
    browser.go("/api/elders/" + people.elderB() + "/location");
    String location = browser.driver().getPageSource();
    // THEN neither shows B's name, phone or address, and the page says it found nothing
    for (String text : new String[] {page, api, location}) {
      assertFalse(text.contains("李建国") || text.contains("13800000002") || text.contains("柳溪村"), text);
    }
    assertTrue(page.contains("id=\"not-found\""), page);
    assertTrue(api.contains("not_found") || api.contains("not found"), api);
  }

  @Test
  @DisplayName("the pages are in Chinese by default, switch to English and keep it after a reload")
  void languageSwitch() throws Exception {
    // GIVEN the sign-in page in a fresh browser
    browser = Browser.open("language", base, 1280, 800).go("/ui/");
    assertEquals("登录", browser.find(By.id("login-submit")).getText());
    assertEquals("zh-CN", browser.script("return document.documentElement.lang"));
    // WHEN the switch is pressed and the operator signs in
    browser.find(By.id("lang-switch")).click();
    browser.until(d -> "Sign in".equals(browser.find(By.id("login-submit")).getText()));
    browser.login("op", People.PASSWORD);
    // THEN the operator's page is in English, and a reload keeps it
    browser.driver().navigate().refresh();
    browser.ready();
    assertEquals("Alarm queue", browser.find(By.cssSelector("[data-i18n='queue.title']")).getText());
    assertEquals("en", browser.script("return document.documentElement.lang"));
    browser.screenshot("operator-en.png");
    // AND back to Chinese
    browser.find(By.id("lang-switch")).click();
    browser.ready();
    assertEquals("告警队列", browser.find(By.cssSelector("[data-i18n='queue.title']")).getText());
  }

  @Test
  @DisplayName("a page that loses its live stream says so, and reconnects once it can")
  void streamLossBannerAndReconnect() throws Exception {
    // GIVEN the operator's page, live
    browser = Browser.open("stream", base, 1280, 800).login("op", People.PASSWORD);
    browser.until(d -> "live".equals(browser.script("return document.body.dataset.stream")));
    String page = browser.driver().getWindowHandle();
    // WHEN the session ends in another tab, so the server closes the stream
    browser.driver().switchTo().newWindow(WindowType.TAB);
    browser.go("/ui/operator.html").ready();
    browser.click(By.id("logout"));
    browser.until(d -> d.getCurrentUrl().endsWith("/ui/"));
    browser.driver().switchTo().window(page);
    // THEN the page shows the banner
    browser.until(d -> browser.find(By.id("stream-banner")).isDisplayed());
    assertEquals("lost", browser.script("return document.body.dataset.stream"));
    browser.screenshot("stream-lost.png");
    // WHEN the operator signs in again in the other tab
    String other = browser.driver().getWindowHandles().stream().filter(h -> !h.equals(page)).findFirst()
        .orElseThrow();
    browser.driver().switchTo().window(other);
    browser.login("op", People.PASSWORD);
    browser.driver().switchTo().window(page);
    // THEN the first page reconnects by itself and the banner goes
    browser.until(d -> "live".equals(browser.script("return document.body.dataset.stream")), Duration.ofSeconds(20));
    assertFalse(browser.driver().findElement(By.id("stream-banner")).isDisplayed());
  }

  @Test
  @DisplayName("pages are served with a Content-Security-Policy that allows only the console's own scripts")
  void securityHeaders() throws Exception {
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
        + "/ui/operator.html")).build(), HttpResponse.BodyHandlers.ofString());
    String csp = page.headers().firstValue("content-security-policy").orElseThrow();
    assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'")
        && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"), csp);
    assertEquals("nosniff", page.headers().firstValue("x-content-type-options").orElseThrow());
    assertFalse(page.body().contains("<script>") || page.body().contains("style="), "inline code in the page");
  }
}
