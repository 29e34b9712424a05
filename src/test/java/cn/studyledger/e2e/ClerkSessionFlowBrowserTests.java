package cn.studyledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.HttpIntegrationTest;
import cn.studyledger.Requires;
import cn.studyledger.Tool;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clerk's everyday flow in a real browser (headless Chromium through Selenium, no Selenium Manager): log
 * in, create a session with a first-topic agenda item, record attendance, mark it held, and see the
 * collective-study figure go up by one.
 */
@HttpIntegrationTest
@Requires({Tool.CHROMIUM, Tool.CHROMEDRIVER})
@DatabaseSnapshot.RestoredAfterEachTest
class ClerkSessionFlowBrowserTests {

    static final String FIGURES = "/api/v1/orgs/XJ/years/2025/figures";

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    Chromium chromium;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = new Chromium();
        driver = chromium.driver;
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void clerkCreatesAttendsAndHoldsASession() {
        open("/login");
        driver.findElement(By.id("username")).sendKeys("clerk");
        driver.findElement(By.id("password")).sendKeys("Demo@2025");
        driver.findElement(By.id("login-submit")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));

        long before = collectiveSessions();
        assertThat(before).isPositive();

        open("/sessions/new");
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title")));
        title.sendKeys("浏览器测试：学习贯彻全会精神");
        // a date input takes keys in the locale's order; set its value directly
        js(
                "arguments[0].value = '2025-12-30';"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                driver.findElement(By.id("date")));
        WebElement hours = driver.findElement(By.id("durationHours"));
        hours.clear();
        hours.sendKeys("3");
        new Select(driver.findElement(By.id("format"))).selectByValue("DISCUSSION");
        driver.findElement(By.name("agenda[0].title")).sendKeys("习近平总书记重要讲话精神");
        click(driver.findElement(By.id("save-session")));

        WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("session-status")));
        assertThat(driver.getCurrentUrl()).matches(".*/sessions/\\d+$");
        assertThat(status.getText()).isEqualTo("计划中");

        List<WebElement> selects = driver.findElements(By.cssSelector("select[name^='status_']"));
        assertThat(selects).as("one attendance line per member").hasSize(9);
        selects.forEach(s -> new Select(s).selectByValue("PRESENT"));
        WebElement saveAttendance = driver.findElement(By.id("save-attendance"));
        click(saveAttendance);
        wait.until(ExpectedConditions.stalenessOf(saveAttendance));
        wait.until(d -> d.findElements(By.cssSelector("select[name^='status_']")).stream()
                .allMatch(s ->
                        "PRESENT".equals(new Select(s).getFirstSelectedOption().getAttribute("value"))));

        // the mark-held form asks window.confirm (data-confirm); answer yes
        js("window.confirm = function () { return true; };");
        WebElement markHeld = driver.findElement(By.id("mark-held"));
        click(markHeld);
        wait.until(ExpectedConditions.stalenessOf(markHeld));
        wait.until(ExpectedConditions.textToBe(By.id("session-status"), "已举行"));
        assertThat(driver.findElements(By.id("mark-held"))).isEmpty();

        assertThat(collectiveSessions()).isEqualTo(before + 1);
    }

    private long collectiveSessions() {
        open(FIGURES);
        // Chromium shows JSON in a <pre> (newer versions add a pretty-print control around it)
        String text = driver.findElements(By.tagName("pre")).isEmpty()
                ? driver.findElement(By.tagName("body")).getText()
                : (String) js("return document.querySelector('pre').textContent;");
        for (JsonNode figure : json.readTree(text)) {
            if (figure.get("key").asString().equals("sessions.collective")) {
                return figure.get("value").longValue();
            }
        }
        throw new AssertionError("no sessions.collective in " + text);
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    /**
     * Clicks as the page's own script would: the session page is long, and a native click at coordinates can
     * land on whatever the layout places there first.
     */
    private void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
