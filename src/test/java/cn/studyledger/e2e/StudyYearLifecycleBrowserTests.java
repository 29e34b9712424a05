package cn.studyledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.HttpIntegrationTest;
import cn.studyledger.Requires;
import cn.studyledger.Tool;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole study year of one session in real browsers (headless Chromium through Selenium, no Selenium Manager),
 * with the clerk, the 组长 and a member each in their own browser: the year's plan gets this month's arrangement
 * and is approved, a session planned for now carries it out, its 学习方案 is approved, the 组长 checks in by the
 * QR code's link, the member's leave is approved and made up, the clerk records attendance and minutes and marks
 * the session held — and the figures and the member's 学习档案 show it. Works in the current year (Beijing time):
 * the demo's 2026 draft plan is used as it is; a year without a plan gets one, an approved plan a revision.
 */
@HttpIntegrationTest
@Requires({Tool.CHROMIUM, Tool.CHROMEDRIVER})
@DatabaseSnapshot.RestoredAfterEachTest
class StudyYearLifecycleBrowserTests {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final String PASSWORD = "Demo@2025";
    static final String MEMBER_NAME = "张伟";

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();
    final List<Browser> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() throws IOException {
        for (Browser browser : browsers) {
            browser.close();
        }
    }

    @Test
    void sessionFromApprovedPlanThroughCheckInLeaveAndMakeUpToHeldReachesFiguresAndMembersRecord() {
        LocalDateTime now = LocalDateTime.now(BEIJING).truncatedTo(ChronoUnit.MINUTES);
        LocalDate today = now.toLocalDate();
        int year = today.getYear();
        // five minutes ago, so the QR check-in window (30 min before the start to 30 min after the end) is open
        LocalTime start = now.minusMinutes(5).toLocalDate().equals(today)
                ? now.toLocalTime().minusMinutes(5)
                : LocalTime.MIDNIGHT;
        String stamp = now.format(DateTimeFormatter.ofPattern("MMddHHmm"));
        String topic = "全流程测试：本月学习安排 " + stamp;
        String title = "全流程测试：学习贯彻全会精神 " + stamp;

        Browser clerk = browser("clerk", year);
        Browser leader = browser("leader", year);
        Browser member = browser("member", year);

        String recordBefore = member.attendedOverHeld();

        // 1. plan: the clerk adds this month's arrangement and submits; the 组长 approves
        clerk.open("/plans");
        if (!clerk.driver.findElements(By.id("plan-empty")).isEmpty()) {
            clerk.clickAndWait(clerk.find(By.id("new-plan")));
            clerk.find(By.id("theme-0")).sendKeys("深入学习贯彻习近平新时代中国特色社会主义思想");
            clerk.clickAndWait(clerk.find(By.id("save-themes")));
        }
        if ("已批准".equals(clerk.find(By.id("plan-status")).getText())) {
            clerk.confirmNextDialog();
            clerk.clickAndWait(clerk.find(By.id("revise-plan")));
        }
        assertThat(clerk.find(By.id("plan-status")).getText()).isIn("草稿", "已退回");
        clerk.clickAndWait(clerk.find(By.id("new-arrangement")));
        new Select(clerk.find(By.id("month"))).selectByValue(String.valueOf(today.getMonthValue()));
        clerk.find(By.id("topic")).sendKeys(topic);
        new Select(clerk.find(By.id("format"))).selectByValue("COLLECTIVE");
        clerk.clickAndWait(clerk.find(By.id("save-arrangement")));
        assertThat(clerk.arrangementRow(topic).getText()).contains("未落实");
        clerk.confirmNextDialog();
        clerk.clickAndWait(clerk.find(By.id("submit-plan")));
        assertThat(clerk.find(By.id("plan-status")).getText()).isEqualTo("待审批");

        leader.open("/plans");
        leader.find(By.id("approve-comment")).sendKeys("同意");
        leader.clickAndWait(leader.find(By.id("approve-plan")));
        assertThat(leader.find(By.id("plan-status")).getText()).isEqualTo("已批准");
        assertThat(leader.driver.findElements(By.id("decide-panel"))).isEmpty();

        // 2. session: planned for now with a 第一议题, linked to the arrangement, its 学习方案 approved
        clerk.open("/sessions/new");
        clerk.find(By.id("title")).sendKeys(title);
        clerk.setValue(clerk.find(By.id("date")), today.toString());
        clerk.setValue(clerk.find(By.id("startTime")), start.format(DateTimeFormatter.ofPattern("HH:mm")));
        clerk.setValue(clerk.find(By.id("durationHours")), "2");
        new Select(clerk.find(By.id("format"))).selectByValue("COLLECTIVE");
        new Select(clerk.find(By.name("agenda[0].kind"))).selectByValue("FIRST_TOPIC");
        clerk.find(By.name("agenda[0].title")).sendKeys("学习习近平总书记最新重要讲话精神");
        clerk.clickAndWait(clerk.find(By.id("save-session")));
        assertThat(clerk.find(By.id("session-status")).getText()).isEqualTo("计划中");
        assertThat(clerk.driver.getCurrentUrl()).matches(".*/sessions/\\d+$");
        String sessionPath = URI.create(clerk.driver.getCurrentUrl()).getPath();
        long sessionId = Long.parseLong(sessionPath.substring(sessionPath.lastIndexOf('/') + 1));

        clerk.open("/plans");
        clerk.clickAndWait(clerk.arrangementRow(topic).findElement(By.cssSelector("a[href$='/sessions']")));
        WebElement choice = clerk.find(By.id("s" + sessionId));
        clerk.click(choice);
        assertThat(choice.isSelected()).isTrue();
        clerk.clickAndWait(clerk.find(By.id("save-links")));
        assertThat(clerk.arrangementRow(topic).findElements(By.cssSelector("a[href='" + sessionPath + "']")))
                .hasSize(1);

        clerk.open(sessionPath);
        clerk.find(By.cssSelector("form[action='" + sessionPath + "/plan'] textarea[name='plan']"))
                .sendKeys("学习目的：深入领会讲话精神。议程：领学、研讨、总结。");
        clerk.clickAndWait(clerk.find(By.id("submit-plan")));
        assertThat(clerk.pageText()).contains("学习方案：待审批");

        leader.open(sessionPath);
        leader.clickAndWait(leader.find(By.id("approve-plan")));
        assertThat(leader.pageText()).contains("学习方案：已批准");

        // 3. QR check-in: the screen's code image carries the token the participant's link needs
        clerk.open(sessionPath + "/checkin-screen");
        WebElement qr = clerk.find(By.cssSelector("img[alt='签到二维码']"));
        assertThat(clerk.driver.findElements(By.cssSelector("#code .alert-warning")))
                .as("the check-in window is open")
                .isEmpty();
        String token = UriComponentsBuilder.fromUriString(qr.getAttribute("src"))
                .build()
                .getQueryParams()
                .getFirst("t");
        assertThat(token).isNotBlank();
        leader.open("/checkin/" + sessionId + "?t=" + token);
        leader.clickAndWait(leader.find(By.id("confirm-checkin")));
        assertThat(leader.find(By.id("checkin-ok")).getText()).startsWith("签到成功");

        // 4. leave: the member asks, the 组长 approves, the member owes a make-up study
        member.open(sessionPath);
        member.find(By.id("reason")).sendKeys("参加上级部署的专项督查");
        member.clickAndWait(member.find(By.id("request-leave")));

        leader.open("/leaves");
        leader.clickAndWait(leader.find(
                By.xpath("//tr[td/a[@href='" + sessionPath + "']]//button[@name='approve' and @value='true']")));
        assertThat(leader.pageText()).contains("已批准请假");

        member.open(sessionPath);
        WebElement memberRow = member.find(By.xpath("//tr[td[1]/span[1][normalize-space()='" + MEMBER_NAME + "']]"));
        assertThat(memberRow.findElement(By.xpath("td[4]")).getText()).isEqualTo("请假");
        assertThat(memberRow.findElement(By.xpath("td[6]")).getText()).startsWith("待补学");

        // 5. make-up: done today (the session's date)
        member.open("/my");
        member.find(By.cssSelector("form[action='/my/makeups/" + sessionId + "'] textarea[name='note']"))
                .sendKeys("自学了讲话原文和会议材料，结合分管工作写了体会。");
        member.clickAndWait(member.find(By.cssSelector("form[action='/my/makeups/" + sessionId + "'] button")));
        assertThat(member.pageText()).contains("已于 " + LocalDate.now(BEIJING) + " 完成补学");

        // 6. the clerk records the rest of the attendance and the minutes, then marks the session held
        Map<String, JsonNode> before = clerk.figures(year);
        clerk.open(sessionPath);
        List<WebElement> statuses = clerk.driver.findElements(By.cssSelector("select[name^='status_']"));
        assertThat(statuses)
                .as("one attendance line per member on %s, which reads: %s", sessionPath, clerk.pageText())
                .isNotEmpty();
        int members = statuses.size();
        assertThat(selected(clerk.find(By.cssSelector("select[data-person='" + MEMBER_NAME + "']"))))
                .isEqualTo("LEAVE");
        assertThat(clerk.find(By.xpath("//tr[td[1]/span[1][normalize-space()='王建国']]/td[5]"))
                        .getText())
                .contains("扫码签到");
        assertThat(statuses.stream().filter(s -> selected(s).isEmpty()))
                .as("everyone but the checked-in 组长 and the member on leave")
                .hasSize(members - 2);
        statuses.stream().filter(s -> selected(s).isEmpty()).forEach(s -> new Select(s).selectByValue("PRESENT"));
        clerk.clickAndWait(clerk.find(By.id("save-attendance")));
        assertThat(clerk.driver.findElements(By.cssSelector("select[name^='status_']")).stream()
                        .map(StudyYearLifecycleBrowserTests::selected))
                .doesNotContain("")
                .containsOnly("PRESENT", "LEAVE");
        assertThat(clerk.pageText()).contains("已于 " + LocalDate.now(BEIJING) + " 补学");

        clerk.find(By.cssSelector("form[action='" + sessionPath + "/minutes'] textarea[name='text']"))
                .sendKeys("王建国同志领学；与会同志逐一交流学习体会；张伟同志请假，已补学。");
        clerk.clickAndWait(clerk.find(By.id("save-minutes")));
        assertThat(clerk.find(By.cssSelector("[role='status']")).getText()).isEqualTo("学习记录已保存");

        clerk.confirmNextDialog();
        clerk.clickAndWait(clerk.find(By.id("mark-held")));
        assertThat(clerk.find(By.id("session-status")).getText()).isEqualTo("已举行");

        // 7. figures, the plan's execution and the member's 学习档案
        Map<String, JsonNode> after = clerk.figures(year);
        assertThat(value(after, "sessions.collective")).isEqualTo(value(before, "sessions.collective") + 1);
        assertThat(value(after, "firsttopic.sessions")).isEqualTo(value(before, "firsttopic.sessions") + 1);
        assertThat(part(after, "attendance.rate", "numerator"))
                .as("every member present or on leave with the make-up done")
                .isEqualTo(part(before, "attendance.rate", "numerator") + members);
        assertThat(part(after, "attendance.rate", "denominator"))
                .isEqualTo(part(before, "attendance.rate", "denominator") + members);
        assertThat(part(after, "plan.executionRate", "numerator"))
                .isEqualTo(part(before, "plan.executionRate", "numerator") + 1);
        assertThat(part(after, "plan.executionRate", "denominator"))
                .isEqualTo(part(before, "plan.executionRate", "denominator"));
        assertThat(after.get("plan.executionRate").get("value").isNull()).isFalse();

        clerk.open("/plans");
        assertThat(clerk.arrangementRow(topic).getText()).contains("已落实");

        String[] counts = recordBefore.split("/");
        assertThat(member.attendedOverHeld())
                .as("held one more; on leave, so not attended")
                .isEqualTo(counts[0] + "/" + (Integer.parseInt(counts[1]) + 1));
        WebElement line = member.find(By.xpath("//tr[td[2]/a[@href='" + sessionPath + "']]"));
        assertThat(line.findElement(By.xpath("td[4]")).getText()).isEqualTo("请假");
        assertThat(line.findElement(By.xpath("td[5]")).getText()).isEqualTo("已于 " + LocalDate.now(BEIJING) + " 补学");
    }

    private Browser browser(String username, int year) {
        Browser browser;
        try {
            browser = new Browser();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        browsers.add(browser);
        browser.logIn(username, year);
        return browser;
    }

    private static String selected(WebElement select) {
        return new Select(select).getFirstSelectedOption().getAttribute("value");
    }

    private static long value(Map<String, JsonNode> figures, String key) {
        assertThat(figures).containsKey(key);
        return figures.get(key).get("value").asLong();
    }

    private static long part(Map<String, JsonNode> figures, String key, String field) {
        assertThat(figures).containsKey(key);
        return figures.get(key).get(field).asLong();
    }

    /** One user's own Chromium with its own profile, so its own session (and working year). */
    final class Browser {

        final Chromium chromium;
        final ChromeDriver driver;
        final WebDriverWait wait;

        Browser() throws IOException {
            chromium = new Chromium();
            driver = chromium.driver;
            wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        }

        void logIn(String username, int year) {
            open("/login");
            find(By.id("username")).sendKeys(username);
            find(By.id("password")).sendKeys(PASSWORD);
            click(find(By.id("login-submit")));
            wait.until(d -> !d.getCurrentUrl().contains("/login"));
            // the working year, through the top bar's form (demo mode starts in 2025)
            WebElement field = find(By.id("ctx-year"));
            js("arguments[0].value = arguments[1]; arguments[0].form.requestSubmit();", field, String.valueOf(year));
            wait.until(ExpectedConditions.stalenessOf(field));
            assertThat(find(By.id("ctx-year")).getAttribute("value")).isEqualTo(String.valueOf(year));
        }

        void open(String path) {
            driver.get("http://localhost:" + port + path);
        }

        WebElement find(By by) {
            return wait.until(ExpectedConditions.presenceOfElementLocated(by));
        }

        String pageText() {
            return driver.findElement(By.tagName("body")).getText();
        }

        /** The row of the plan page's arrangement with the given topic. */
        WebElement arrangementRow(String topic) {
            return find(By.xpath("//table[@id='plan-arrangements']//tr[td[2][normalize-space()='" + topic + "']]"));
        }

        /** The year's figures as the API serves them to this browser, by key. */
        Map<String, JsonNode> figures(int year) {
            open("/api/v1/orgs/XJ/years/" + year + "/figures");
            // Chromium shows JSON in a <pre> (newer versions add a pretty-print control around it)
            String text = driver.findElements(By.tagName("pre")).isEmpty()
                    ? pageText()
                    : (String) js("return document.querySelector('pre').textContent;");
            Map<String, JsonNode> byKey = new HashMap<>();
            for (JsonNode figure : json.readTree(text)) {
                byKey.put(figure.get("key").asString(), figure);
            }
            return byKey;
        }

        /** 出席/应参加 on the member's own 学习档案 (a member's /records leads straight to it). */
        String attendedOverHeld() {
            open("/records");
            wait.until(ExpectedConditions.urlMatches(".*/records/\\d+$"));
            return find(By.id("attended")).getText();
        }

        void setValue(WebElement input, String value) {
            // date and time inputs take keys in the locale's order; set the value directly
            js(
                    "arguments[0].value = arguments[1];"
                            + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                            + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                    input,
                    value);
        }

        /** Answers yes to the confirmation the page's script asks before a data-confirm form is sent. */
        void confirmNextDialog() {
            js("window.confirm = function () { return true; };");
        }

        /**
         * Clicks as the page's own script would: long pages place other elements where a native click at
         * coordinates would land.
         */
        void click(WebElement element) {
            js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
        }

        /** Clicks a button or link that loads another page, and waits until it has. */
        void clickAndWait(WebElement element) {
            click(element);
            wait.until(ExpectedConditions.stalenessOf(element));
            wait.until(d -> "complete".equals(js("return document.readyState;")));
        }

        Object js(String script, Object... args) {
            return ((JavascriptExecutor) driver).executeScript(script, args);
        }

        void close() throws IOException {
            chromium.close();
        }
    }
}
