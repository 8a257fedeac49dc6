package dev.docket.web;

import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.docket.approval.ApprovalView;
import dev.docket.contract.ContractView;
import dev.docket.rules.RulesStatus;
import dev.docket.support.People;
import dev.docket.support.RulesFolderCopy;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The rules workbench, the approvals inbox, the policy and fairness pages in a real headless Chromium: a broken
 * rule shows its problem at its line, a preview shows the moves, activate and roll back change what is live, and
 * a decision taken in the inbox is the one the API records.
 */
@MicronautTest(transactional = false)
class WorkbenchAndInboxBrowserIT extends BrowserTest {

    @RegisterExtension
    static final RulesFolderCopy FOLDER = new RulesFolderCopy();

    private static final String STRATEGIC = """
            package docket.policy;

            import dev.docket.facts.ContractFact;

            rule "Strategic account"
                // Deals with a strategic account get 30 points.
            when
                $c : ContractFact( account == "Zoomit" )
            then
                $c.add(drools.getRule().getName(), 30.0, "%s is a strategic account", $c.getAccount());
            end
            """;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("docket.sample.enabled", "true", "docket.sample.showcase", "true", "docket.rules.folder", FOLDER.path().toString());
    }

    private static final String LEE = "Lee Legal Ops";
    private static final String CASEY = "Casey CFO";
    private static final String PASSWORD = "correct-horse-battery";

    private String sam;

    @BeforeAll
    void createPeople() {
        people.user(LEE, PASSWORD, List.of("rules-author", "rules-admin"), List.of());
        people.user(CASEY, PASSWORD, List.of("approver"), List.of("web-cfo"));
        sam = people.token("Sam Sales", "legal");
    }

    private void setEditor(String text) {
        browser.js().executeScript("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0]);", text);
    }

    private String editor() {
        return (String) browser.js().executeScript("return document.querySelector('.CodeMirror').CodeMirror.getValue();");
    }

    private void click(String buttonText) {
        browser.driver.findElement(By.xpath("//form[@id='rule-editor']//button[normalize-space()='" + buttonText + "']")).click();
    }

    /** The workbench's answer to an action; activation compiles, probes and runs every scenario, so it may take a while. */
    private String awaitResult(String action) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(90))
                .until(d -> d.findElement(By.id("rule-result")).getText().startsWith(action));
        return browser.driver.findElement(By.id("rule-result")).getText();
    }

    @Test
    void aBrokenRuleShowsItsProblemAtItsLineAndChangesNothing() {
        String live = api.get("/api/rules/status", RulesStatus.class).active().hash();
        signIn(LEE, PASSWORD, "/rules?file=urgency.drl");
        String original = editor();
        assertThat(original).contains("rule \"Target close within 14 days\"");
        String[] lines = original.split("\n", -1);
        int broken = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("daysToTargetClose >= 0, daysToTargetClose <= 14")) {
                lines[i] = lines[i].replace("daysToTargetClose >= 0,", "daysToTargetClose >= 0,,");
                broken = i + 1;
                break;
            }
        }
        assertThat(broken).isPositive();
        setEditor(String.join("\n", lines));
        click("Validate");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-problems")));
        String problems = browser.driver.findElement(By.id("rule-problems")).getText();
        assertThat(problems).contains("urgency.drl:" + broken + ":");
        assertThat(browser.driver.findElements(By.cssSelector(".CodeMirror .cm-problem"))).isNotEmpty();
        assertThat(api.get("/api/rules/status", RulesStatus.class).active().hash()).isEqualTo(live);

        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshots("rules");
    }

    @Test
    void aPreviewShowsWhoMovesThenActivateAndRollBackChangeWhatIsLive() {
        RulesStatus before = api.get("/api/rules/status", RulesStatus.class);
        signIn(LEE, PASSWORD, "/rules?file=value.drl");
        assertThat(editor()).contains("10.0 * Math.log10");
        setEditor(editor().replace("10.0 * Math.log10", "30.0 * Math.log10"));
        click("Preview");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-summary")));
        assertThat(browser.driver.findElement(By.id("preview-summary")).getText()).matches("(?s)[1-9]\\d* of \\d+ contracts move.*");
        assertThat(browser.driver.findElements(By.cssSelector("#preview-moves tbody tr"))).isNotEmpty();
        assertThat(api.get("/api/rules/status", RulesStatus.class).active().hash()).isEqualTo(before.active().hash());

        // Scenario tests guard activation: the value change above breaks them (the workbench lists which), so
        // what goes live is a new file that leaves every scenario alone.
        WebElement path = browser.driver.findElement(By.name("path"));
        path.clear();
        path.sendKeys("strategic-accounts.drl");
        setEditor(STRATEGIC);
        click("Activate");
        browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(awaitResult("Activate")).contains("passed", "is live");
        RulesStatus activated = api.get("/api/rules/status", RulesStatus.class);
        assertThat(activated.active().hash()).isNotEqualTo(before.active().hash());
        assertThat(activated.active().activatedBy()).isEqualTo(LEE);

        open("/rules");
        browser.driver.findElement(By.xpath("//button[normalize-space()='Roll back to " + before.active().number() + "']")).click();
        browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(awaitResult("Roll back")).contains("passed", "is live");
        assertThat(api.get("/api/rules/status", RulesStatus.class).active().hash()).isEqualTo(before.active().hash());

        open("/rules/diff?from=" + before.active().number() + "&to=" + activated.active().number());
        assertThat(browser.driver.findElement(By.tagName("body")).getText())
                .contains("strategic-accounts.drl (added)").contains("+rule \"Strategic account\"");
    }

    @Test
    void aDecisionMakerApprovesFromTheInbox() {
        ContractView c = api.create(contract("WEB-APPROVAL-1", "title", "Inbox deal"));
        ApprovalView asked = api.exchange(People.as(sam, HttpRequest.POST("/api/contracts/" + c.id() + "/approvals",
                map("decisionMaker", "web-cfo", "question", "Unlimited liability: acceptable?"))), ApprovalView.class).body();

        // A reader who has not signed in sees the request but is offered no decision.
        browser.signOut();
        open("/approvals?decisionMaker=web-cfo");
        assertThat(browser.driver.findElement(By.cssSelector(".inbox-item")).getText())
                .contains("Inbox deal", "Unlimited liability: acceptable?", "Sam Sales");
        assertThat(browser.driver.findElements(By.cssSelector(".inbox-item button"))).isEmpty();

        signIn(CASEY, PASSWORD, "/approvals?decisionMaker=web-cfo");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshots("approvals");
        assertThat(browser.driver.findElements(By.name("actor"))).as("no typed name: the decider is who signed in").isEmpty();
        browser.driver.findElement(By.name("comment")).sendKeys("Fine with a cap at 2x fees");
        browser.driver.findElement(By.cssSelector(".inbox-item button[value=APPROVED]")).click();
        browser.wait.until(d -> d.findElement(By.id("inbox")).getText().contains("Decision recorded: approved"));
        assertThat(browser.driver.findElements(By.cssSelector(".inbox-item"))).isEmpty();

        ApprovalView[] recorded = api.get("/api/contracts/" + c.id() + "/approvals", ApprovalView[].class);
        assertThat(recorded).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(asked.id());
            assertThat(a.status().name()).isEqualTo("APPROVED");
            assertThat(a.decidedBy()).isEqualTo(CASEY);
            assertThat(a.comment()).isEqualTo("Fine with a cap at 2x fees");
        });
    }

    @Test
    void thePolicyAndFairnessPagesReadTheLiveRulesAndReport() {
        open("/policy");
        String policy = browser.driver.findElement(By.tagName("main")).getText();
        assertThat(policy).contains("Target close within 14 days", "A deal closing in the next two weeks needs legal now.")
                .contains("Quick review: NDA on our paper", "Points, then why");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshots("policy");

        open("/fairness");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Fairness");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshots("fairness");
    }
}
