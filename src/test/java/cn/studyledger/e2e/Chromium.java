package cn.studyledger.e2e;

import cn.studyledger.Tool;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium driven by its chromedriver (no Selenium Manager), with the flags of DESIGN.md §9 and a fresh
 * profile of its own, removed on {@link #close()}. The test using it is marked {@code @Requires({CHROMIUM,
 * CHROMEDRIVER})}.
 */
final class Chromium implements AutoCloseable {

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    /** A browser window of 1280 × {@code height} pixels whose pages may take {@code pageLoad} to load. */
    Chromium(int height, Duration pageLoad) throws IOException {
        profile = Files.createTempDirectory("ledger-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Tool.CHROMEDRIVER.path().toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Tool.CHROMIUM.path().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--lang=zh-CN",
                "--window-size=1280," + height,
                "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(pageLoad);
    }

    /** A 1280 × 1024 window, pages loaded within 20 seconds. */
    Chromium() throws IOException {
        this(1024, Duration.ofSeconds(20));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        service.stop();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
