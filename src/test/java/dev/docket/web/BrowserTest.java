package dev.docket.web;

import dev.docket.support.DatabaseTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the pages' browser tests: the test's own Docket, as DatabaseTest starts it, and a headless Chromium for it. */
abstract class BrowserTest extends DatabaseTest {

    protected Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Opens a page of the test's Docket and waits until htmx has settled. */
    protected void open(String path) {
        browser.driver.get(server.getURL() + path);
        browser.settle();
    }

    /** Signs in through the sign-in page as {@code username}, who then lands on {@code next}. */
    protected void signIn(String username, String password, String next) {
        browser.signIn(server.getURL(), username, password, next);
    }
}
