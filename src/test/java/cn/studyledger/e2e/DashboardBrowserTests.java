package cn.studyledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.HttpIntegrationTest;
import cn.studyledger.Requires;
import cn.studyledger.Tool;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard in a real browser (headless Chromium): under the strict CSP the ECharts charts are drawn on canvas,
 * and clicking a member's bar of the self-study chart opens that member's self-study records.
 */
@HttpIntegrationTest
@Requires({Tool.CHROMIUM, Tool.CHROMEDRIVER})
@DatabaseSnapshot.RestoredAfterEachTest
class DashboardBrowserTests {

    @RegisterExtension
    final Browser browser = new Browser(2400, Duration.ofSeconds(20), Duration.ofSeconds(10));

    @Test
    void theChartsAreDrawnAndABarOpensItsRecords() {
        browser.signIn("clerk");
        browser.open("/dashboard");
        WebElement hours = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#chart-hours-by-member[data-rendered='true']")));
        browser.wait.until(d -> d.findElements(By.cssSelector(".dashboard-chart[data-chart]:not([data-rendered])"))
                .isEmpty());
        assertThat(hours.findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("#chart-sessions-by-month canvas")))
                .isNotEmpty();

        // the tallest bar's middle, from the chart itself; mouse events there go through the chart's own hit test
        String url = (String) browser.js(
                "var el = arguments[0]; var chart = echarts.getInstanceByDom(el);"
                        + "var data = chart.getOption().series[0].data; var best = 0;"
                        + "for (var i = 1; i < data.length; i++) { if (data[i].value > data[best].value) { best = i; } }"
                        + "var p = chart.convertToPixel({gridIndex: 0}, [best, Number(data[best].value) / 2]);"
                        + "var r = el.getBoundingClientRect(); var x = r.left + p[0]; var y = r.top + p[1];"
                        + "var target = document.elementFromPoint(x, y);"
                        + "if (!target) { return 'nothing at ' + JSON.stringify([p, r, data[best]]); }"
                        + "['mousemove', 'mousedown', 'mouseup', 'click'].forEach(function (type) {"
                        + "  target.dispatchEvent(new MouseEvent(type, {bubbles: true, cancelable: true, view: window,"
                        + "    clientX: x, clientY: y, button: 0}));"
                        + "});"
                        + "return data[best].url;",
                hours);
        assertThat(url).as("the bar was found").startsWith("/selfstudy?person=");
        browser.wait.until(ExpectedConditions.urlContains(url));
        assertThat(browser.driver.getCurrentUrl()).contains("/selfstudy?person=");
    }
}
