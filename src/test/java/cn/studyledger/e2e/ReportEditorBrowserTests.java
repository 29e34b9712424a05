package cn.studyledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.HttpIntegrationTest;
import cn.studyledger.Requires;
import cn.studyledger.Tool;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The annual report in a real browser (headless Chromium through Selenium): the clerk edits a narrative
 * paragraph with a figure token and submits, the 组长 finalises, the .docx is downloaded with the 组长's session
 * and its numbers are those the dashboard shows (and the figures API gives).
 */
@HttpIntegrationTest
@Requires({Tool.CHROMIUM, Tool.CHROMEDRIVER})
@DatabaseSnapshot.RestoredAfterEachTest
class ReportEditorBrowserTests {

    static final String FIGURES = "/api/v1/orgs/XJ/years/2025/figures";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    Chromium chromium;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = new Chromium(1024, Duration.ofSeconds(30));
        driver = chromium.driver;
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void clerkEditsAParagraphLeaderFinalisesAndTheDownloadedDocxHasTheDashboardsNumbers() throws Exception {
        login("clerk");
        Map<String, String> figures = figures();
        open("/report");
        WebElement opening = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".report-block[data-section='开头']")));
        click(opening.findElement(By.tagName("summary")));
        WebElement text = opening.findElement(By.cssSelector("textarea[name='body']"));
        wait.until(ExpectedConditions.visibilityOf(text));
        text.clear();
        text.sendKeys("浏览器编辑：{{year}}年全年共组织集体学习{{sessions.collective}}次，专题研讨{{sessions.discussion}}次。");
        click(opening.findElement(By.cssSelector("button.save-block")));
        wait.until(ExpectedConditions.stalenessOf(opening));
        WebElement preview = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".report-block[data-section='开头'] .block-preview")));
        String expected = "浏览器编辑：2025年全年共组织集体学习" + figures.get("sessions.collective") + "次，专题研讨"
                + figures.get("sessions.discussion") + "次。";
        assertThat(preview.getText()).isEqualTo(expected);
        WebElement token = preview.findElement(By.cssSelector("a.figure-token[data-key='sessions.collective']"));
        assertThat(token.getAttribute("href")).endsWith("/figures/sessions.collective");

        open("/report");
        js("window.confirm = function () { return true; };");
        WebElement submit = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit-report")));
        List<WebElement> gaps = driver.findElements(By.cssSelector("#report-gaps input[name='confirmedGaps']"));
        if (gaps.isEmpty()) {
            click(submit);
        } else {
            // each 【待补充】 still in the report is confirmed one by one before the report goes to the 组长
            click(driver.findElement(By.id("submit-with-gaps")));
            assertThat(driver.findElement(By.id("report-status")).getText())
                    .as("an unconfirmed gap keeps the report a draft")
                    .isNotEqualTo("待组长定稿");
            gaps = driver.findElements(By.cssSelector("#report-gaps input[name='confirmedGaps']"));
            gaps.forEach(this::click);
            click(driver.findElement(By.id("submit-with-gaps")));
        }
        wait.until(ExpectedConditions.textToBe(By.id("report-status"), "待组长定稿"));
        logout();

        login("leader");
        open("/report");
        js("window.confirm = function () { return true; };");
        WebElement finalise = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("finalise-report")));
        click(finalise);
        wait.until(ExpectedConditions.textToBe(By.id("report-status"), "已定稿"));
        assertThat(driver.findElements(By.cssSelector("textarea[name='body']"))).isEmpty();
        assertThat(driver.findElement(By.id("snapshot")).getText()).contains("集体学习次数");

        String href = driver.findElement(By.id("download-docx")).getAttribute("href");
        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", cookies())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        String docx;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(download.body()));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            docx = extractor.getText();
        }
        Map<String, String> dashboard = dashboard();
        assertThat(dashboard)
                .as("the dashboard shows the figures the API gives")
                .containsEntry("sessions.collective", figures.get("sessions.collective"))
                .containsEntry("sessions.discussion", figures.get("sessions.discussion"));
        assertThat(docx).contains(expected);
        assertThat(docx)
                .contains("全年共组织集体学习" + dashboard.get("sessions.collective") + "次，专题研讨"
                        + dashboard.get("sessions.discussion") + "次");
        assertThat(docx).contains("学习内容" + dashboard.get("firsttopic.items") + "项");
        assertThat(docx).contains("形成对策建议" + dashboard.get("research.recommendations") + "条");
        assertThat(docx).contains("旁听指导" + dashboard.get("supervision.visits") + "场次");
    }

    /** The figure tiles of the dashboard (/dashboard) as the 组长 sees them, by figure key. */
    private Map<String, String> dashboard() {
        open("/dashboard");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-figure-key]")));
        Map<String, String> tiles = new HashMap<>();
        for (WebElement tile : driver.findElements(By.cssSelector("[data-figure-key]"))) {
            tiles.put(
                    tile.getAttribute("data-figure-key"),
                    tile.findElement(By.cssSelector(".figure-value")).getText().trim());
        }
        return tiles;
    }

    private void login(String username) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("Demo@2025");
        driver.findElement(By.id("login-submit")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void logout() {
        driver.manage().deleteAllCookies();
    }

    private String cookies() {
        return driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private Map<String, String> figures() {
        open(FIGURES);
        String text = driver.findElements(By.tagName("pre")).isEmpty()
                ? driver.findElement(By.tagName("body")).getText()
                : (String) js("return document.querySelector('pre').textContent;");
        Map<String, String> values = new HashMap<>();
        for (JsonNode figure : json.readTree(text)) {
            JsonNode value = figure.get("value");
            values.put(figure.get("key").asString(), value == null || value.isNull() ? "【待补充】" : value.asString());
        }
        return values;
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
