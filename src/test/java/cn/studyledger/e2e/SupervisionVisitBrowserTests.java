package cn.studyledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.HttpIntegrationTest;
import cn.studyledger.Requires;
import cn.studyledger.Tool;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One complete supervision visit in a real browser (headless Chromium through Selenium), across three accounts:
 * the bureau's clerk plans it; the unit's clerk submits the 学习方案 with a material and a speech outline; the
 * observer approves, records the session and the ratings, writes the 小结 and raises a rectification item; the
 * unit's clerk reports the item done; the observer closes the item and the visit.
 */
@HttpIntegrationTest
@Requires({Tool.CHROMIUM, Tool.CHROMEDRIVER})
@DatabaseSnapshot.RestoredAfterEachTest
class SupervisionVisitBrowserTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final Browser browser = new Browser();

    Path uploads;

    @BeforeEach
    void makeUploads() throws IOException {
        uploads = Files.createTempDirectory("ledger-uploads-");
    }

    @AfterEach
    void removeUploads() throws IOException {
        if (uploads != null) {
            try (Stream<Path> files = Files.walk(uploads)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void oneVisitFromThePlanToAClosedRectification() throws IOException {
        LocalDate today = LocalDate.now(ZONE);

        // the bureau's clerk plans the visit three weeks ahead
        browser.signIn("clerk");
        browser.open("/supervision/visits/new");
        new Select(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("unitCode"))))
                .selectByValue("XJ-01");
        browser.setDate(browser.driver.findElement(By.id("plannedOn")), today.plusDays(21));
        browser.driver.findElement(By.id("sessionTitle")).sendKeys("浏览器测试：学习贯彻全会精神");
        WebElement observer = browser.driver
                .findElements(By.cssSelector("input[name='observerPersonIds']"))
                .get(0);
        browser.click(observer);
        browser.click(browser.driver.findElement(By.id("save-visit")));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("visit-stage")));
        assertThat(browser.driver.getCurrentUrl()).matches(".*/supervision/visits/\\d+$");
        String visitPath = browser.driver
                .getCurrentUrl()
                .substring(browser.driver.getCurrentUrl().indexOf("/supervision/"));
        long visitId = Long.parseLong(visitPath.substring(visitPath.lastIndexOf('/') + 1));
        assertThat(stage()).isEqualTo("待报方案");

        // the unit's clerk submits the 学习方案 with a material and a speech outline
        browser.signIn("unitclerk");
        browser.open(visitPath);
        browser.wait
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("studyPlan")))
                .sendKeys("集体学习全会精神，安排3名班子成员重点发言，围绕监测能力建设研讨。");
        browser.driver.findElement(By.id("materials-files")).sendKeys(upload("学习材料.txt", "全会精神学习材料"));
        browser.driver.findElement(By.id("outlines-files")).sendKeys(upload("发言提纲.txt", "重点发言提纲"));
        submitAndWait(browser.driver.findElement(By.id("submit-materials")));
        assertThat(stage()).isEqualTo("方案待审");

        // the observer approves; the session day comes; the observer records the session and writes the 小结
        browser.signIn("observer");
        browser.open(visitPath);
        submitAndWait(browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approve-materials"))));
        assertThat(stage()).isEqualTo("方案通过");
        jdbc.sql("update supervision_visit set planned_on = ? where id = ?")
                .param(today)
                .param(visitId)
                .update();
        browser.open(visitPath);
        browser.wait
                .until(ExpectedConditions.presenceOfElementLocated(By.id("notes-input")))
                .sendKeys("领学到位，重点发言联系实际，研讨深入。");
        for (int i = 0; i < 5; i++) {
            browser.driver.findElement(By.id("score-" + i)).sendKeys("90");
        }
        submitAndWait(browser.driver.findElement(By.id("save-observation")));
        assertThat(stage()).isEqualTo("已旁听");
        assertThat(browser.driver.findElement(By.id("weighted-score")).getText())
                .isEqualTo("90.0");
        browser.driver.findElement(By.id("overall")).sendKeys("学习组织规范，效果良好。");
        browser.driver.findElement(By.id("highlights")).sendKeys("研讨紧扣主业。");
        browser.driver.findElement(By.id("problems")).sendKeys("学习记录较简略。");
        submitAndWait(browser.driver.findElement(By.id("save-summary")));
        assertThat(stage()).isEqualTo("已小结");

        // the observer raises a rectification item for a person of the unit
        browser.driver.findElement(By.id("item-title")).sendKeys("规范学习记录");
        new Select(browser.driver.findElement(By.id("ownerPersonId"))).selectByIndex(1);
        browser.setDate(browser.driver.findElement(By.id("dueOn")), today.plusDays(30));
        submitAndWait(browser.driver.findElement(By.id("raise-item")));
        WebElement state =
                browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id^='item-state-']")));
        assertThat(state.getText()).isEqualTo("整改中");
        String itemId = state.getAttribute("id").substring("item-state-".length());
        assertThat(browser.driver.findElement(By.id("close-visit")).isEnabled()).isFalse();

        // the unit's clerk reports it done with evidence
        browser.signIn("unitclerk");
        browser.open(visitPath);
        browser.wait
                .until(ExpectedConditions.presenceOfElementLocated(By.id("evidence-" + itemId)))
                .sendKeys("已修订学习记录模板并补齐记录。");
        submitAndWait(browser.driver.findElement(By.id("complete-item-" + itemId)));
        assertThat(browser.driver.findElement(By.id("item-state-" + itemId)).getText())
                .isEqualTo("待销号");

        // the observer closes the item and then the visit
        browser.signIn("observer");
        browser.open(visitPath);
        submitAndWait(browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("close-item-" + itemId))));
        assertThat(browser.driver.findElement(By.id("item-state-" + itemId)).getText())
                .isEqualTo("已销号");
        browser.js("window.confirm = function () { return true; };");
        submitAndWait(browser.driver.findElement(By.id("close-visit")));
        assertThat(stage()).isEqualTo("已办结");
        assertThat(browser.driver.findElements(By.id("close-visit"))).isEmpty();
    }

    private String stage() {
        return browser.driver.findElement(By.id("visit-stage")).getText();
    }

    private String upload(String name, String content) throws IOException {
        Path file = uploads.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file.toAbsolutePath().toString();
    }

    private void submitAndWait(WebElement button) {
        browser.click(button);
        browser.wait.until(ExpectedConditions.stalenessOf(button));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("visit-stage")));
    }
}
