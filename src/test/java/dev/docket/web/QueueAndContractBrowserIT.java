package dev.docket.web;

import static dev.docket.support.Api.contract;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.docket.contract.ContractView;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The queue and contract pages in a real headless Chromium, on the bundled CRM sample and the real rules. */
@MicronautTest(transactional = false)
class QueueAndContractBrowserIT extends BrowserTest {

    private static final String XSS = "<img src=x onerror=alert(1)>";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("docket.sample.enabled", "true", "docket.sample.showcase", "true");
    }

    private List<String> column(int index) {
        return browser.driver.findElements(By.cssSelector("#queue-rows tbody tr td:nth-child(" + index + ")"))
                .stream().map(WebElement::getText).toList();
    }

    @Test
    void theQueueLoadsRankedAndFiltersWithoutReloadingThePage() {
        open("/");
        assertThat(column(1)).startsWith("#1", "#2", "#3");
        assertThat(browser.driver.findElements(By.cssSelector("#queue-rows .bar .seg"))).isNotEmpty();
        browser.js().executeScript("window.__sameDocument = true;");

        List<String> typesBefore = column(5);
        assertThat(typesBefore).contains("MSA").contains("ORDER_FORM");
        new Select(browser.driver.findElement(By.name("type"))).selectByValue("ORDER_FORM");
        browser.wait.until(d -> !column(5).isEmpty() && column(5).stream().allMatch("ORDER_FORM"::equals));
        browser.settle();
        assertThat(column(5)).isNotEmpty().allMatch("ORDER_FORM"::equals);
        assertThat(browser.js().executeScript("return window.__sameDocument === true")).isEqualTo(true);
        assertThat(browser.driver.getCurrentUrl()).contains("type=ORDER_FORM");

        WebElement search = browser.driver.findElement(By.name("q"));
        new Select(browser.driver.findElement(By.name("type"))).selectByValue("");
        browser.settle();
        String someTitle = browser.driver.findElement(By.cssSelector("#queue-rows tbody tr td:nth-child(2) a")).getText();
        search.sendKeys(someTitle);
        browser.wait.until(d -> column(2).size() >= 1 && column(2).stream().allMatch(t -> t.contains(someTitle)));

        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        open("/");
        browser.screenshots("queue");
    }

    @Test
    void theQueueRefreshesItselfWhenTheRankingChanges() {
        open("/?q=WEB-LIVE-1");
        assertThat(column(2)).isEmpty();
        browser.js().executeScript("window.__sameDocument = true;");

        api.create(contract("WEB-LIVE-1", "title", "Arrived while you watched",
                "gates", dev.docket.support.Api.allGatesPassed()));

        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> column(2).size() == 1);
        assertThat(column(2).get(0)).contains("Arrived while you watched");
        assertThat(browser.js().executeScript("return window.__sameDocument === true")).isEqualTo(true);
    }

    @Test
    void aContractPageExplainsItsRankAndAWhatIfShowsANewRankWithoutSavingIt() {
        open("/");
        WebElement second = browser.driver.findElements(By.cssSelector("#queue-rows tbody tr td:nth-child(2) a")).get(1);
        String title = second.getText();
        second.click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sentence")));
        browser.settle();
        assertThat(browser.driver.findElement(By.id("sentence")).getText()).contains(title).contains("#2 of");
        assertThat(browser.driver.findElements(By.cssSelector("#h-points ~ table tbody tr"))).isNotEmpty();
        // The counterfactuals arrive after the page is shown, as actions with the place each leads to.
        browser.wait.until(d -> !d.findElements(By.cssSelector("#actions li")).isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector("#actions li"))).extracting(WebElement::getText)
                .anySatisfy(a -> assertThat(a).containsPattern("#\\d+ of \\d+|to #\\d+"));

        WebElement expansion = browser.driver.findElement(By.name("expansion"));
        expansion.clear();
        expansion.sendKeys("50000000");
        browser.driver.findElement(By.cssSelector("#what-if button")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("what-if-rank")));
        String result = browser.driver.findElement(By.id("what-if-rank")).getText();
        assertThat(result).matches("#1 of \\d+ \\(now #2\\).*");
        assertThat(browser.driver.findElements(By.cssSelector("#rank-history table"))).isNotEmpty();
        // Never stored: the queue still has the same contract second.
        open("/");
        assertThat(browser.driver.findElements(By.cssSelector("#queue-rows tbody tr td:nth-child(2) a")).get(1).getText())
                .isEqualTo(title);
    }

    @Test
    void commentsAndTitlesWithHtmlShowAsText() {
        ContractView hostile = api.create(contract("WEB-XSS-1", "title", XSS, "account", XSS));
        people.user("Dana Legal", "dana-password-123", List.of("viewer"), List.of());
        signIn("Dana Legal", "dana-password-123", "/contracts/" + hostile.id());
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo(XSS);

        browser.driver.findElement(By.name("text")).sendKeys(XSS);
        browser.js().executeScript("window.__log = []; ['htmx:beforeRequest','htmx:afterRequest','htmx:validation:failed','htmx:sendError','htmx:responseError','htmx:swapError','htmx:targetError'].forEach(function (n) { document.body.addEventListener(n, function (e) { window.__log.push(n + ' ' + (e.detail && e.detail.xhr ? e.detail.xhr.status : '')); }); });");
        browser.driver.findElement(By.cssSelector("#comments button")).click();
        browser.wait.withMessage(() -> "the comment did not show; cookies " + browser.driver.manage().getCookies() + "; comments: "
                + browser.driver.findElement(By.id("comments")).getText() + "; htmx " + browser.js().executeScript("return JSON.stringify(window.__log)") + "; posting it answers " + browser.js().executeScript(
                "var f = document.querySelector('#comments form'); var x = new XMLHttpRequest(); x.open('POST', f.action, false);"
                + "x.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');"
                + "x.send(new URLSearchParams(new FormData(f)).toString()); return x.status + ' ' + x.responseText;"))
                .until(d -> d.findElements(By.cssSelector("#comments li")).size() == 1);
        assertThat(browser.driver.findElement(By.cssSelector("#comments li")).getText()).contains("Dana Legal").contains(XSS);
        assertThat(browser.driver.findElements(By.cssSelector("main img"))).isEmpty();

        // Past the browser's own required-field check, the server still refuses an empty comment.
        browser.js().executeScript("document.querySelectorAll('#comments [required]').forEach(e => e.removeAttribute('required'))");
        browser.driver.findElement(By.cssSelector("#comments button")).click();
        browser.wait.until(d -> !d.findElements(By.cssSelector("#comments [role=alert]")).isEmpty());
        assertThat(browser.driver.findElement(By.cssSelector("#comments [role=alert]")).getText()).contains("comment");

        open("/?q=WEB-XSS-1");
        assertThat(column(2)).singleElement().asString().contains(XSS);
        assertThat(browser.driver.findElements(By.cssSelector("main img"))).isEmpty();
        assertNoAlert();

        open("/contracts/" + hostile.id());
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        open("/contracts/11");
        browser.screenshots("contract");
    }

    @Test
    void myDealsShowsTheSignedInRepsOwnDealsAndSaysWhyWhenItCannot() {
        open("/");
        String owner = column(3).get(0);
        browser.driver.findElement(By.id("my-deals")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-deals-notice")));
        assertThat(browser.driver.findElement(By.id("my-deals-notice")).getText()).contains("Sign in to see your deals");
        assertThat(column(1)).startsWith("#1", "#2");

        people.user("Unlinked Rep", "unlinked-password-1", List.of("viewer"), List.of());
        signIn("Unlinked Rep", "unlinked-password-1", "/?mine=true");
        assertThat(browser.driver.findElement(By.id("my-deals-notice")).getText())
                .contains("not linked to a contract owner").contains("Unlinked Rep");
        browser.driver.manage().deleteAllCookies();

        people.user("Linked Rep", "linked-password-12", List.of("viewer"), owner);
        signIn("Linked Rep", "linked-password-12", "/");
        browser.driver.findElement(By.id("my-deals")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-deals-notice")));
        browser.settle();
        assertThat(browser.driver.findElement(By.id("my-deals-notice")).getText()).contains("Your deals").contains(owner);
        assertThat(column(3)).isNotEmpty().allMatch(owner::equals);
        Map<?, ?> ranking = api.get("/api/ranking?size=200", Map.class);
        long theirs = ((List<?>) ranking.get("items")).stream()
                .filter(i -> owner.equals(((Map<?, ?>) ((Map<?, ?>) i).get("contract")).get("owner"))).count();
        assertThat(browser.driver.findElement(By.cssSelector("#queue-rows .summary")).getText()).startsWith(theirs + " matching");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshots("my-deals");
        browser.driver.manage().deleteAllCookies();
    }

    private void assertNoAlert() {
        try {
            browser.driver.switchTo().alert();
            throw new AssertionError("a script in a title or comment ran");
        } catch (NoAlertPresentException expected) {
            // Rendered as text, as it should be.
        }
    }
}
