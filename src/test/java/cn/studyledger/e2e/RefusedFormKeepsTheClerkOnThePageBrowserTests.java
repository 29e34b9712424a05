package cn.studyledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.HttpIntegrationTest;
import cn.studyledger.Requires;
import cn.studyledger.Tool;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A refused form in a real browser, on a desk and on a phone: the clerk registers a 重点发言 without its outline and
 * stays on the session page, the reason right above the speech form, the menu there, the speaker, kind and title as
 * typed (config.PageError, app.js).
 */
@HttpIntegrationTest
@Requires({Tool.CHROMIUM, Tool.CHROMEDRIVER})
@DatabaseSnapshot.RestoredAfterEachTest
class RefusedFormKeepsTheClerkOnThePageBrowserTests {

    @RegisterExtension
    final Browser browser = new Browser();

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void aKeySpeechWithoutItsOutlineComesBackAboveItsFormWithTheInput(int width) {
        ChromeDriver driver = browser.driver;
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", width < 768));
        browser.signIn("clerk");

        browser.open("/sessions/13");
        WebElement form = speechForm();
        new Select(form.findElement(By.name("personId"))).selectByValue("2");
        new Select(form.findElement(By.name("kind"))).selectByValue("KEY");
        form.findElement(By.name("title")).sendKeys("浏览器测试：联系分管工作谈体会");
        browser.click(form.findElement(By.tagName("button")));
        browser.wait.until(ExpectedConditions.stalenessOf(form));

        WebElement error = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-error")));
        assertThat(driver.getCurrentUrl()).endsWith("/sessions/13");
        assertThat(error.getText()).isEqualTo("重点发言须上传发言提纲");
        form = speechForm();
        assertThat((Boolean)
                        driver.executeScript("return arguments[0].nextElementSibling === arguments[1];", error, form))
                .as("the message stands right above the form it refused")
                .isTrue();
        assertThat(new Select(form.findElement(By.name("personId")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("2");
        assertThat(new Select(form.findElement(By.name("kind")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("KEY");
        assertThat(form.findElement(By.name("title")).getAttribute("value")).isEqualTo("浏览器测试：联系分管工作谈体会");
        assertThat(driver.findElements(By.cssSelector(".alert-success"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("a[href='/sessions']"))).isNotEmpty();
    }

    private WebElement speechForm() {
        return browser.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/sessions/13/speeches']")));
    }
}
