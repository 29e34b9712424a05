package cn.studyledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.HttpIntegrationTest;
import cn.studyledger.Requires;
import cn.studyledger.Tool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The member's pages and the meeting-room display on a 390 × 844 phone (layout.html, app.css): the menu folded under
 * its button until tapped, the page's heading on the first screen, nothing wider than the screen (a wide list table
 * scrolls inside its own box) and no table cell squeezed to a column of single characters.
 */
@HttpIntegrationTest
@Requires({Tool.CHROMIUM, Tool.CHROMEDRIVER})
@DatabaseSnapshot.RestoredAfterEachTest
class PhoneBrowserTests {

    private static final int WIDTH = 390;
    private static final int HEIGHT = 844;

    @RegisterExtension
    final Browser browser = new Browser();

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void phone() {
        browser.driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", true));
    }

    /** X局's planned session, to which the member is expected: its page offers the leave request. */
    private long plannedSession() {
        return jdbc.sql("select min(s.id) from session_study_session s join org_unit o on o.id = s.org_id"
                        + " where o.code = 'XJ' and s.status = 'PLANNED'")
                .query(Long.class)
                .single();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/",
                "/my",
                "/checkin",
                "/checkin/{planned}?t=0",
                "/selfstudy",
                "/selfstudy/new",
                "/sessions/{planned}",
                "/records",
                "/writings",
                "/books",
                "/study-tests"
            })
    void theMembersPageFitsThePhone(String path) {
        browser.signIn("member");
        browser.open(path.replace("{planned}", String.valueOf(plannedSession())));
        WebElement heading =
                browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")));

        assertThat(browser.driver.findElement(By.id("menu-toggle")).isDisplayed())
                .as("the menu's button")
                .isTrue();
        assertThat(browser.driver.findElements(By.cssSelector("#menu a")))
                .as("the menu's items, folded")
                .isNotEmpty()
                .noneMatch(WebElement::isDisplayed);
        assertThat(heading.getRect().getY() + heading.getRect().getHeight())
                .as("the heading is on the first screen")
                .isLessThan(HEIGHT);
        assertFitsTheScreen();
        if (path.equals("/sessions/{planned}")) {
            assertThat(browser.driver.findElement(By.id("request-leave")).isDisplayed())
                    .as("the leave request")
                    .isTrue();
        }
    }

    /** The pages between levels, as the bureau's clerk and as a unit's clerk walk them on a phone. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "clerk, /notices",
        "clerk, /notices/new",
        "clerk, /notices/{notice}",
        "clerk, /submissions",
        "clerk, /assessment",
        "clerk, /assessment/criteria",
        "leader, /assessment",
        "unitclerk, /scorecard",
        "unitclerk, /notices",
        "unitclerk, /notices/{notice}",
        "unitclerk, /submissions"
    })
    void theClerksPagesBetweenLevelsFitThePhone(String user, String path) {
        long notice =
                jdbc.sql("select min(id) from liaison_notice").query(Long.class).single();
        browser.signIn(user);
        browser.open(path.replace("{notice}", String.valueOf(notice)));
        WebElement heading =
                browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")));
        assertThat(heading.getRect().getY())
                .as("the heading is on the first screen")
                .isLessThan(HEIGHT);
        assertFitsTheScreen();
    }

    @Test
    void theMakeUpTheMemberOwesFitsThePhone() {
        // the member was on leave from X局's last session of 2025 and owes its make-up (the snapshot puts it back)
        jdbc.sql("update session_attendance set status = 'LEAVE', make_up_due_on = date '2026-01-10',"
                        + " make_up_done_on = null, make_up_note = null"
                        + " where person_id = (select person_id from org_account where username = 'member')"
                        + " and session_id = (select max(s.id) from session_study_session s join org_unit o"
                        + " on o.id = s.org_id where o.code = 'XJ' and s.status = 'HELD')")
                .update();
        browser.signIn("member");
        browser.open("/my");
        WebElement note = browser.wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[action^='/my/makeups/'] textarea")));

        assertThat(note.getRect().getWidth())
                .as("the note's box takes the screen's width")
                .isGreaterThan(WIDTH / 2);
        assertThat(note.findElement(By.xpath("following-sibling::button")).isDisplayed())
                .isTrue();
        assertFitsTheScreen();
    }

    @Test
    void theFoldedMenuOpensWhenTapped() {
        browser.signIn("member");
        browser.open("/");
        WebElement mine = browser.driver.findElement(By.cssSelector("#menu a[href='/my']"));
        assertThat(mine.isDisplayed()).isFalse();

        browser.driver.findElement(By.id("menu-toggle")).click();
        browser.wait.until(ExpectedConditions.visibilityOf(mine));
        assertThat(browser.driver.findElement(By.id("menu-toggle")).getAttribute("aria-expanded"))
                .isEqualTo("true");
        mine.click();
        browser.wait.until(ExpectedConditions.urlMatches(".*/my$"));
    }

    @Test
    void theDisplayLinkShowsTheCodesAloneWithoutTheClerkSignedIn() {
        long session = plannedSession();
        browser.signIn("clerk");
        browser.open("/sessions/" + session + "/checkin-screen");
        String link = browser.wait
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("display-url")))
                .getAttribute("value");
        assertThat(browser.driver.findElement(By.id("display-open")).getAttribute("href"))
                .isEqualTo(link);

        browser.driver.manage().deleteAllCookies();
        browser.driver.get(link);
        WebElement heading =
                browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")));
        assertThat(browser.driver.getCurrentUrl()).as("no login asked for").isEqualTo(link);
        assertThat(browser.driver.findElement(By.id("typed-code")).getText()).matches("[A-Z0-9]{6}");
        WebElement qr = browser.driver.findElement(By.cssSelector("img[alt='签到二维码']"));
        browser.wait.until(
                d -> (Boolean) browser.js("return arguments[0].complete && arguments[0].naturalWidth > 0;", qr));
        assertThat(heading.getRect().getY()).isLessThan(HEIGHT);
        assertThat(browser.driver.findElements(By.cssSelector("#menu, #menu-toggle, form[action='/logout']")))
                .as("no menu, no 退出")
                .isEmpty();
        assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain("退出", "已签到");
        assertFitsTheScreen();
    }

    /** Nothing wider than the screen, and no table cell narrower than three characters of its own text. */
    private void assertFitsTheScreen() {
        assertThat(((Number) browser.js("return document.documentElement.scrollWidth;")).intValue())
                .as("the page's width")
                .isLessThanOrEqualTo(WIDTH);
        @SuppressWarnings("unchecked")
        List<String> squeezed = (List<String>) browser.js(
                "return Array.prototype.filter.call(document.querySelectorAll('main td, main th'), function (cell) {"
                        + "  var width = cell.getBoundingClientRect().width;"
                        + "  return cell.offsetParent && cell.textContent.trim().length > 2"
                        + "    && width < 3 * parseFloat(getComputedStyle(cell).fontSize);"
                        + "}).map(function (cell) { return cell.textContent.trim(); });");
        assertThat(squeezed)
                .as("table cells squeezed narrower than three characters")
                .isEmpty();
    }
}
