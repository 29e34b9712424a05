package cn.studyledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.HttpIntegrationTest;
import cn.studyledger.Requires;
import cn.studyledger.Tool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The browser's validation bubbles in the texts of messages.properties (app.js sets them with setCustomValidity),
 * not in whatever language the browser speaks: a required field, a number above its maximum or below its minimum, off
 * its step, a date after its latest, a malformed e-mail address, an unchosen required choice.
 */
@HttpIntegrationTest
@Requires({Tool.CHROMIUM, Tool.CHROMEDRIVER})
@DatabaseSnapshot.RestoredAfterEachTest
class ValidationBubblesSpeakChineseBrowserTests {

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void theLoginFormAsksForTheAccountInChinese() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login");
        WebElement username = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.driver.findElement(By.id("login-submit")).click();
        assertThat(browser.driver.getCurrentUrl()).contains("/login");
        assertThat(username.getDomProperty("validationMessage")).isEqualTo("请填写此项");

        username.sendKeys("clerk");
        assertThat(username.getDomProperty("validationMessage"))
                .as("typing clears the message")
                .isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachKindOfConstraintIsExplainedInChinese() {
        browser.signIn("clerk");
        browser.open("/sessions");
        browser.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("meta[name='validation-messages']")));
        Map<String, String> messages = (Map<String, String>) browser.js("""
                var form = document.createElement('form');
                form.innerHTML = '<input name="over" type="number" max="24" value="30">'
                    + '<input name="under" type="number" min="0.5" step="0.5" value="0">'
                    + '<input name="step" type="number" min="0" step="0.5" value="0.7">'
                    + '<input name="late" type="date" max="2025-12-31" value="2026-01-05">'
                    + '<input name="mail" type="email" value="abc">'
                    + '<select name="choice" required><option value=""></option><option value="1">一</option></select>'
                    + '<textarea name="text" required></textarea>';
                document.body.appendChild(form);
                form.checkValidity();
                var out = {};
                form.querySelectorAll('input, select, textarea').forEach(function (f) { out[f.name] = f.validationMessage; });
                return out;""");
        assertThat(messages)
                .containsEntry("over", "不能大于24")
                .containsEntry("under", "不能小于0.5")
                .containsEntry("step", "请按0.5的间隔填写")
                .containsEntry("late", "不能晚于2025-12-31")
                .containsEntry("mail", "请输入有效的电子邮箱地址")
                .containsEntry("choice", "请选择一项")
                .containsEntry("text", "请填写此项");
        assertThat(List.copyOf(messages.values())).noneMatch(m -> m.matches(".*[A-Za-z]{4,}.*"));
    }
}
