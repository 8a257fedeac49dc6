package dev.docket.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.docket.rules.PolicyFiles;
import dev.docket.rules.check.RuleSetCompiler;
import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.source.RuleFolder;
import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario file in rules/tests/ against the whole real policy, one test per file, failing
 * with the same file:line:column messages Docket gives when it refuses a rule set whose scenarios fail.
 * Run just these with {@code ./mvnw test -Dtest=RuleScenariosTest}.
 */
class RuleScenariosTest {

    @TestFactory
    Stream<DynamicTest> everyScenarioInTheRulesFolderPasses() {
        List<RuleSource> sources = RuleFolder.read(PolicyFiles.FOLDER);
        CompiledRuleSet policy = RuleSetCompiler.compile(sources);
        List<RuleSource> scenarios = sources.stream().filter(s -> s.kind() == RuleSource.Kind.SCENARIO).toList();

        Stream<DynamicTest> folderHasScenarios = Stream.of(DynamicTest.dynamicTest("rules/tests holds scenario files",
                () -> assertThat(scenarios).as("scenario files in %s/tests", PolicyFiles.FOLDER.toAbsolutePath()).isNotEmpty()));
        return Stream.concat(folderHasScenarios, scenarios.stream().map(scenario -> DynamicTest.dynamicTest(scenario.path(), () -> {
            List<RuleProblem> problems = ScenarioRunner.run(policy, List.of(scenario));
            if (!problems.isEmpty()) {
                fail(problems.size() + " scenario problem" + (problems.size() == 1 ? "" : "s") + ":\n"
                        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
            }
        })));
    }
}
