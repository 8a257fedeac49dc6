package dev.docket.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromium-driver, for the web pages' browser tests. Without them a local
 * run skips these tests and says why; on CI (CI=true), where .ci/run installs both, their absence fails the run.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        // htmx swaps replace the rows a wait may be reading; read them again rather than fail.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    /** A fresh browser with its own empty profile, or a skipped test when Chromium is not installed. */
    static Browser start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI needs " + CHROMIUM + " and " + DRIVER + " (.ci/run installs them)");
        }
        Assumptions.assumeTrue(installed, "SKIPPED browser test: install Debian's chromium and chromium-driver ("
                + CHROMIUM + ", " + DRIVER + ") to run it: apt-get install -y chromium chromium-driver");
        try {
            Path profile = Files.createTempDirectory("docket-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1366,900");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Signs in as a person does: the sign-in page's form posts to identity's POST /login, which sets the session
     * cookie and the CSRF cookie the pages' forms echo; the page then goes back to {@code next}.
     */
    void signIn(java.net.URL server, String username, String password, String next) {
        driver.get(server + "/login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        driver.manage().deleteAllCookies();
        driver.navigate().refresh();
        settle();
        driver.findElement(org.openqa.selenium.By.name("username")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.name("password")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.cssSelector("#sign-in button[type=submit]")).click();
        try {
            wait.until(d -> d.findElement(org.openqa.selenium.By.cssSelector(".who")).getText().contains("Signed in as " + username));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not signed in as " + username + " at " + driver.getCurrentUrl() + "; cookies "
                    + driver.manage().getCookies() + "; a sign-in now answers: " + js().executeScript(
                    "var x = new XMLHttpRequest(); x.open('POST', '/login', false);"
                    + "x.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');"
                    + "x.send('username=' + encodeURIComponent(arguments[0]) + '&password=' + encodeURIComponent(arguments[1]));"
                    + "return x.status + ' ' + x.responseText;", username, password), e);
        }
        settle();
    }

    /** Forgets the session, as a browser that never signed in. */
    void signOut() {
        driver.manage().deleteAllCookies();
    }

    JavascriptExecutor js() {
        return driver;
    }

    /** Waits for htmx to finish its requests and swaps. */
    void settle() {
        wait.until(d -> Boolean.TRUE.equals(js().executeScript(
                "return document.readyState === 'complete' && (typeof htmx === 'undefined' || document.querySelectorAll('.htmx-request').length === 0);")));
    }

    /** The serious and critical violations axe-core finds on the current page, as "rule: target" lines. */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() {
        js().executeScript(axeSource());
        Object result = js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .flatMap(v => v.nodes.map(n => v.id + ' (' + v.impact + '): ' + n.target.join(' ') + ' ' + v.help))));
                """);
        return (List<String>) result;
    }

    /** Saves the page at a desktop and a phone width under target/screenshots. */
    void screenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (Map.Entry<String, Dimension> size : Map.of("desktop", new Dimension(1366, 900),
                    "phone", new Dimension(390, 844)).entrySet()) {
                driver.manage().window().setSize(size.getValue());
                byte[] png = driver.getScreenshotAs(OutputType.BYTES);
                Files.write(SCREENSHOTS.resolve(name + "-" + size.getKey() + ".png"), png);
            }
            driver.manage().window().setSize(new Dimension(1366, 900));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core WebJar missing from the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
