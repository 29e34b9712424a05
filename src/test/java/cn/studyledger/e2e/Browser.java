package cn.studyledger.e2e;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A browser test's browser, as a JUnit extension ({@code @RegisterExtension final Browser browser = new Browser();}):
 * a fresh {@link Chromium} for each test, closed after it, pointed at the test's server, with the steps every browser
 * test takes — open a page, sign in, click as the page's script would, set a date.
 */
final class Browser implements BeforeEachCallback, AfterEachCallback {

    private final int height;
    private final Duration pageLoad;
    private final Duration patience;
    private Chromium chromium;
    private String base;
    ChromeDriver driver;
    WebDriverWait wait;

    /** A 1280 × 1024 window, pages loaded within 20 seconds, waits of up to 10 seconds. */
    Browser() {
        this(1024, Duration.ofSeconds(20), Duration.ofSeconds(10));
    }

    /** A window of 1280 × {@code height} pixels, pages loaded within {@code pageLoad}, waits of {@code patience}. */
    Browser(int height, Duration pageLoad, Duration patience) {
        this.height = height;
        this.pageLoad = pageLoad;
        this.patience = patience;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        base = "http://localhost:"
                + SpringExtension.getApplicationContext(context)
                        .getEnvironment()
                        .getProperty("local.server.port");
        chromium = new Chromium(height, pageLoad);
        driver = chromium.driver;
        wait = new WebDriverWait(driver, patience);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Signs in afresh as {@code username} (the demo password), leaving the page the login lands on open. */
    void signIn(String username) {
        driver.manage().deleteAllCookies();
        open("/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("Demo@2025");
        driver.findElement(By.id("login-submit")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /**
     * Clicks as the page's own script would: pages are long, and a native click at coordinates can land on whatever
     * the layout places there first (the sticky header, a phone's folded menu).
     */
    void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    /** A date input takes keys in the locale's order: its value is set directly, with the events a user's typing fires. */
    void setDate(WebElement input, LocalDate date) {
        js(
                "arguments[0].value = arguments[1];"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                input,
                date.toString());
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }
}
