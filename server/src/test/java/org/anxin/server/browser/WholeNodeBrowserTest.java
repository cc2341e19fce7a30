package org.anxin.server.browser;

import org.anxin.console.web.Browser;
import org.anxin.console.web.ScreenshotOnFailure;
import org.anxin.infra.node.Node;
import org.anxin.server.TestNodes;
import org.anxin.server.cli.Modules;
import org.anxin.server.demo.DemoData;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verifies the pages on a whole node (embedded PostgreSQL and broker, every module, the demo county): an admin
 * registers a wristband in the browser and its secret is the one a real MQTT device then connects with; its SOS,
 * through the broker and the gateway, is on the operator's queue within 2 s, and the operator's acknowledgement
 * reaches the carer's and the family's pages; a safe zone drawn on the admin's map is the one the gateway uses: a fix
 * outside it raises FENCE_EXIT; an ended call is wrapped up from the desk through the hotline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ScreenshotOnFailure.class)
class WholeNodeBrowserTest {

  private static final String DEVICE = "e2e-wb-0001";

  private Node node;
  private Map<String, String> passwords;
  private long elderId;
  private String family;
  private String carer;
  private Browser admin;
  private Browser operator;
  private MqttClient device;
  private long seq;

  @BeforeAll
  void start() throws Exception {
    Browser.requireChromium();
    Path data = TestNodes.newDataDir("browser");
    node = Node.start(Map.of("ANXIN_DATA_DIR", data.toString(), "ANXIN_HTTP_PORT", "0", "ANXIN_MQTT_PORT",
        TestNodes.freePort(), "ANXIN_AGI_PORT", "0"), Modules.all());
    DemoData.ensure(node);
    passwords = readPasswords(data.resolve("demo").resolve("users.csv"));
    family = "family01";
    elderId = number("SELECT ue.elder_id FROM user_elders ue JOIN users u ON u.id = ue.user_id "
        + "WHERE u.username = ? ORDER BY ue.elder_id LIMIT 1", family);
    carer = text("SELECT u.username FROM carer_elders ce JOIN users u ON u.carer_id = ce.carer_id "
        + "WHERE ce.elder_id = ? ORDER BY ce.role DESC LIMIT 1", elderId);
    admin = Browser.open("admin", node.endpoints().http(), 1280, 900);
    admin.login("admin", passwords.get("admin"));
    operator = Browser.open("operator", node.endpoints().http(), 1400, 900);
    operator.login("operator1",
        passwords.get("operator1"));
  }

  @AfterAll
  void stop() throws Exception {
    if (device != null) {
      device.disconnect();
      device.close();
    }
    Browser.closeAll(admin, operator, node == null ? null : node::close);
  }

  @Test
  @Order(1)
  @DisplayName("a wristband registered on the admin page sends an SOS that the operator sees within 2 s")
  void registeredDeviceRaisesAnSos() throws Exception {
    // GIVEN a wristband registered in the browser for the family's elder, and the device connected with its secret
    admin.click(By.cssSelector("[data-tab='devices']"));
    admin.type(By.id("f-id"), DEVICE);
    admin.type(By.id("f-elderId"), String.valueOf(elderId));
    admin.find(By.cssSelector("#register-device button[type=submit]")).click();
    String secret = admin.find(By.cssSelector("#issued-secrets .secret")).getText();
    device = connect(secret);
    try (Browser carerPage = Browser.open("carer", node.endpoints().http(), 360, 740);
         Browser familyPage = Browser.open("family", node.endpoints().http(), 390, 844)) {
      carerPage.login(carer, passwords.get(carer));
      familyPage.login(family, passwords.get(family));
      live(operator);
      live(carerPage);
      live(familyPage);
      // WHEN it publishes an SOS
      long sent = System.nanoTime();
      publish("event", "\"type\":\"SOS\"");
      // THEN the operator's queue shows it within 2 s
      By sos = By.cssSelector("#queue tr[data-type='SOS'][data-elder-id='" + elderId + "']");
      WebElement row = operator.until(ExpectedConditions.presenceOfElementLocated(sos), Duration.ofSeconds(2));
      long ms = (System.nanoTime() - sent) / 1_000_000;
      System.out.printf("SOS from a device through broker and gateway on the operator's queue after %d ms%n", ms);
      String id = row.getAttribute("data-alarm-id");
      // WHEN the operator acknowledges it
      By byId = By.cssSelector("#queue tr[data-alarm-id='" + id + "']");
      operator.click(byId);
      operator.until(d -> {
        d.findElement(byId).sendKeys("a");
        return true;
      });
      // THEN the carer's phone and the family's page show it acknowledged
      By acknowledged = By.cssSelector("[data-alarm-id='" + id + "'][data-state='ACKNOWLEDGED']");
      carerPage.find(acknowledged);
      familyPage.find(acknowledged);
    }
  }

  @Test
  @Order(2)
  @DisplayName("a safe zone drawn on the admin's map is the gateway's: a fix outside raises FENCE_EXIT")
  void drawnZoneIsUsedByTheGateway() throws Exception {
    // GIVEN a 200 m circle drawn around the elder's home
    admin.click(By.cssSelector("[data-tab='safe-zones']"));
    admin.type(By.id("zone-elder"), String.valueOf(elderId));
    admin.find(By.id("zone-elder")).sendKeys(Keys.TAB);
    WebElement map = admin.find(By.id("zone-map"));
    admin.until(d -> !map.findElements(By.cssSelector("path.leaflet-interactive")).isEmpty());
    admin.type(By.id("zone-radius"), "200");
    new Actions(admin.driver()).moveToElement(map).click().perform();
    admin.find(By.id("zone-save")).click();
    admin.find(By.cssSelector("#zone-list li"));
    double lat = real("SELECT center_lat FROM safe_zones WHERE elder_id = ?", elderId);
    double lon = real("SELECT center_lon FROM safe_zones WHERE elder_id = ?", elderId);
    // WHEN the wristband reports fixes 2 km north of it
    By fence = By.cssSelector("#queue tr[data-type='FENCE_EXIT'][data-elder-id='" + elderId + "']");
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (operator.driver().findElements(fence).isEmpty() && System.nanoTime() < deadline) {
      publish("telemetry", "\"lat\":" + (lat + 0.018) + ",\"lon\":" + lon + ",\"acc\":10,\"src\":\"gnss\"");
      Thread.sleep(300);
    }
    // THEN the gateway raised FENCE_EXIT, and the operator sees it with its distance, the zone and the track
    // (the queue shows alarm.raised at once; the row follows the outbox's fsync and insert)
    operator.until(d -> number("SELECT count(*) FROM alarms WHERE elder_id = ? AND type = 'FENCE_EXIT'", elderId) == 1);
    publish("telemetry", "\"lat\":" + (lat + 0.02) + ",\"lon\":" + (lon + 0.002) + ",\"acc\":10,\"src\":\"gnss\"");
    operator.until(d -> number("SELECT count(*) FROM telemetry WHERE device_id = ? AND lat > ?", DEVICE, lat + 0.01) >= 2);
    operator.click(fence);
    operator.find(By.cssSelector("#detail-body .elder h3"));
    assertTrue(operator.find(By.id("detail-body")).getText().contains("离开安全区"));
    operator.until(d -> ((Long) operator.script("return [...document.querySelectorAll('#detail-map path')]"
        + ".filter(p => p.getBoundingClientRect().height > 0).length")) >= 4);
    operator.screenshot("operator-fence.png");
  }

  @Test
  @Order(3)
  @DisplayName("an ended call is wrapped up from the desk's call history, through the hotline")
  void callWrapUp() {
    // GIVEN an ended call answered by this operator
    long call = number("INSERT INTO calls (channel_uniqueid, caller_number, elder_id, agent, answered_at, ended_at) "
        + "VALUES ('1700000000.9', '13800000009', ?, 'operator1', now(), now()) RETURNING id", elderId);
    operator.go("/ui/operator.html").ready();
    // WHEN the operator picks a disposition, writes a note and saves
    By form = By.cssSelector("#calls form[data-call-id='" + call + "']");
    new Select(operator.find(form).findElement(By.tagName("select"))).selectByValue("SERVICE_REQUEST");
    operator.find(form).findElement(By.tagName("input")).sendKeys("要助餐");
    operator.find(form).findElement(By.tagName("button")).click();
    // THEN the hotline recorded them on the call
    operator.until(d -> number("SELECT count(*) FROM calls WHERE id = ? AND disposition = 'SERVICE_REQUEST' "
        + "AND note = '要助餐'", call) == 1);
  }

  private MqttClient connect(String secret) throws Exception {
    MqttClient client = new MqttClient(node.endpoints().mqtt(), DEVICE, new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setUserName(DEVICE);
    options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
    client.connect(options);
    return client;
  }

  private void publish(String channel, String fields) throws Exception {
    String payload = "{\"ts\":" + System.currentTimeMillis() + ",\"seq\":" + (seq++) + ",\"boot\":\"e2e\","
        + fields + "}";
    MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
    message.setQos(1);
    device.publish("anxin/v1/dev/" + DEVICE + "/" + channel, message);
  }

  private static void live(Browser b) {
    b.until(d -> "live".equals(b.script("return document.body.dataset.stream")));
  }

  private static Map<String, String> readPasswords(Path file) throws Exception {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return lines.stream().skip(1).map(l -> l.split(",", 3))
        .collect(java.util.stream.Collectors.toMap(p -> p[0], p -> p[1]));
  }

  private Object value(String sql, Object... args) {
    return node.context().database().withConnection(c -> {
      try (PreparedStatement st = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          st.setObject(i + 1, args[i]);
        }
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() ? rs.getObject(1) : null;
        }
      }
    }).await();
  }

  private long number(String sql, Object... args) {
    return ((Number) value(sql, args)).longValue();
  }

  private double real(String sql, Object... args) {
    return ((Number) value(sql, args)).doubleValue();
  }

  private String text(String sql, Object... args) {
    return (String) value(sql, args);
  }
}
