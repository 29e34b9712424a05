package cn.studyledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.HttpIntegrationTest;
import cn.studyledger.Requires;
import cn.studyledger.Tool;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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

    final JsonMapper json = JsonMapper.builder().build();

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void clerkCreatesAttendsAndHoldsASession() {
        browser.signIn("clerk");

        long before = collectiveSessions();
        assertThat(before).isPositive();

        browser.open("/sessions/new");
        WebElement title = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title")));
        title.sendKeys("浏览器测试：学习贯彻全会精神");
        browser.setDate(browser.driver.findElement(By.id("date")), LocalDate.of(2025, 12, 30));
        WebElement hours = browser.driver.findElement(By.id("durationHours"));
        hours.clear();
        hours.sendKeys("3");
        new Select(browser.driver.findElement(By.id("format"))).selectByValue("DISCUSSION");
        browser.driver.findElement(By.name("agenda[0].title")).sendKeys("习近平总书记重要讲话精神");
        browser.click(browser.driver.findElement(By.id("save-session")));

        WebElement status = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("session-status")));
        assertThat(browser.driver.getCurrentUrl()).matches(".*/sessions/\\d+$");
        assertThat(status.getText()).isEqualTo("计划中");

        List<WebElement> selects = browser.driver.findElements(By.cssSelector("select[name^='status_']"));
        assertThat(selects).as("one attendance line per member").hasSize(9);
        selects.forEach(s -> new Select(s).selectByValue("PRESENT"));
        WebElement saveAttendance = browser.driver.findElement(By.id("save-attendance"));
        browser.click(saveAttendance);
        browser.wait.until(ExpectedConditions.stalenessOf(saveAttendance));
        browser.wait.until(d -> d.findElements(By.cssSelector("select[name^='status_']")).stream()
                .allMatch(s ->
                        "PRESENT".equals(new Select(s).getFirstSelectedOption().getAttribute("value"))));

        // the mark-held form asks window.confirm (data-confirm); answer yes
        browser.js("window.confirm = function () { return true; };");
        WebElement markHeld = browser.driver.findElement(By.id("mark-held"));
        browser.click(markHeld);
        browser.wait.until(ExpectedConditions.stalenessOf(markHeld));
        browser.wait.until(ExpectedConditions.textToBe(By.id("session-status"), "已举行"));
        assertThat(browser.driver.findElements(By.id("mark-held"))).isEmpty();

        assertThat(collectiveSessions()).isEqualTo(before + 1);
    }

    private long collectiveSessions() {
        browser.open(FIGURES);
        // Chromium shows JSON in a <pre> (newer versions add a pretty-print control around it)
        String text = browser.driver.findElements(By.tagName("pre")).isEmpty()
                ? browser.driver.findElement(By.tagName("body")).getText()
                : (String) browser.js("return document.querySelector('pre').textContent;");
        for (JsonNode figure : json.readTree(text)) {
            if (figure.get("key").asString().equals("sessions.collective")) {
                return figure.get("value").longValue();
            }
        }
        throw new AssertionError("no sessions.collective in " + text);
    }
}
