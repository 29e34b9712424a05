package cn.studyledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.HttpIntegrationTest;
import cn.studyledger.Requires;
import cn.studyledger.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recording a session takes a handful of steps: from 新增 to 已举行 for the 9-member group with 3 agenda items — a
 * 第一议题 and a 课题研讨 row picked from the registers by searching, a typed row, 全部出席 with one exception, a key
 * speech with its outline — in at most 20 clicks, choices and submissions (typing does not count), counted here as
 * the test makes them, at desktop width and on a phone.
 */
@HttpIntegrationTest
@Requires({Tool.CHROMIUM, Tool.CHROMEDRIVER})
@DatabaseSnapshot.RestoredAfterEachTest
class SessionInAHandfulOfStepsBrowserTests {

    static final int MOST_STEPS = 20;

    @RegisterExtension
    final Browser browser = new Browser();

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path uploads;

    int steps;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void fromNewToHeldInAtMostTwentySteps(int width) throws IOException {
        browser.driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", width < 768));
        browser.signIn("clerk");
        browser.open("/sessions");

        click(browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-session"))));
        WebElement title = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("title")));
        title.sendKeys("浏览器测试：学习贯彻全会精神专题研讨");
        browser.setDate(browser.driver.findElement(By.id("date")), LocalDate.of(2025, 12, 30));
        choose(browser.driver.findElement(By.id("format")), "DISCUSSION");

        // the form's one row is a 第一议题 row: search the register and take what it finds
        String item = search(0, "FIRST_TOPIC");
        // a second row, typed
        click(browser.driver.findElement(By.id("add-agenda")));
        choose(browser.driver.findElement(By.name("agenda[1].kind")), "THEORY");
        browser.driver.findElement(By.name("agenda[1].title")).sendKeys("学习党的创新理论");
        // a third, picked from the research topics
        click(browser.driver.findElement(By.id("add-agenda")));
        choose(browser.driver.findElement(By.name("agenda[2].kind")), "RESEARCH_TOPIC");
        String topic = search(2, "RESEARCH_TOPIC");
        WebElement save = browser.driver.findElement(By.id("save-session"));
        click(save);
        browser.wait.until(ExpectedConditions.stalenessOf(save));
        browser.wait.until(ExpectedConditions.textToBe(By.id("session-status"), "计划中"));
        long session = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/sessions/(\\d+)$", "$1"));

        List<String> agenda = jdbc.sql(
                        "select kind || ':' || coalesce(source_id, 0) from session_agenda_item where session_id = ?"
                                + " order by position")
                .param(session)
                .query(String.class)
                .list();
        assertThat(agenda).hasSize(3);
        assertThat(agenda.get(0)).isEqualTo("FIRST_TOPIC:" + item);
        assertThat(agenda.get(1)).isEqualTo("THEORY:0");
        assertThat(agenda.get(2)).isEqualTo("RESEARCH_TOPIC:" + topic);

        // the key speech with its outline, on the session's own page
        WebElement speech = browser.driver.findElement(By.cssSelector("form[action$='/speeches']"));
        List<WebElement> speakers = new Select(speech.findElement(By.name("personId"))).getOptions();
        assertThat(speakers).as("the nine members").hasSize(9);
        choose(speech.findElement(By.name("personId")), speakers.get(1).getAttribute("value"));
        choose(speech.findElement(By.name("kind")), "KEY");
        speech.findElement(By.name("title")).sendKeys("联系分管工作谈体会");
        Path outline = uploads.resolve("发言提纲.txt");
        Files.writeString(outline, "一、学习体会\n二、联系实际\n三、下步打算", StandardCharsets.UTF_8);
        steps++;
        speech.findElement(By.name("outline")).sendKeys(outline.toString());
        submit(speech.findElement(By.tagName("button")));

        // 全部出席, with one member absent as the exception
        List<WebElement> statuses = browser.driver.findElements(By.cssSelector("select[name^='status_']"));
        assertThat(statuses).hasSize(9);
        choose(statuses.get(8), "ABSENT");
        submit(browser.driver.findElement(By.id("others-present")));

        // mark it held, answering the confirmation
        browser.js("window.confirm = function () { return true; };");
        steps++;
        submit(browser.driver.findElement(By.id("mark-held")));
        browser.wait.until(ExpectedConditions.textToBe(By.id("session-status"), "已举行"));

        assertThat(jdbc.sql("select count(*) from session_attendance where session_id = ? and status = 'PRESENT'")
                        .param(session)
                        .query(Long.class)
                        .single())
                .isEqualTo(8);
        assertThat(jdbc.sql("select count(*) from session_speech where session_id = ? and kind = 'KEY'"
                                + " and outline_file_id is not null")
                        .param(session)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(steps).as("clicks, choices and submissions from 新增 to 已举行").isLessThanOrEqualTo(MOST_STEPS);
    }

    /**
     * Types part of the first offered record's title into the row's search box (typing: no step) and returns the
     * id the row's choice then holds — the search picks the first match by itself.
     */
    private String search(int row, String kind) {
        WebElement source = browser.driver.findElement(By.name("agenda[" + row + "].sourceId"));
        WebElement offered = source.findElement(By.cssSelector("optgroup[data-kind='" + kind + "'] option"));
        // four characters of its title as a user types them (no punctuation, which keyboards type differently)
        java.util.regex.Matcher han =
                java.util.regex.Pattern.compile("\\p{IsHan}{4}").matcher(offered.getAttribute("textContent"));
        assertThat(han.find()).isTrue();
        String words = han.group();
        WebElement box = (WebElement)
                browser.js("return arguments[0].closest('tr').querySelector('[data-agenda-search]');", source);
        box.sendKeys(words);
        String chosen = new Select(source).getFirstSelectedOption().getAttribute("value");
        assertThat(chosen).as("the search picked a record of the row's kind").isNotEmpty();
        assertThat(new Select(source).getFirstSelectedOption().getAttribute("textContent"))
                .contains(words);
        return chosen;
    }

    private void click(WebElement element) {
        steps++;
        browser.click(element);
    }

    private void choose(WebElement select, String value) {
        steps++;
        new Select(select).selectByValue(value);
        browser.js("arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", select);
    }

    private void submit(WebElement button) {
        click(button);
        browser.wait.until(ExpectedConditions.stalenessOf(button));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("session-status")));
    }
}
