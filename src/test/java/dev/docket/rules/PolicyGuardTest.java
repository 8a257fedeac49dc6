package dev.docket.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the policy guard lets through and what it refuses, beyond the cases of {@link CandidateCheckBadInputTest}. */
class PolicyGuardTest {

    @Test
    void theRealRulesFolderHasNoGuardProblems() {
        assertThat(PolicyGuard.check(RuleFolder.read(PolicyFiles.FOLDER))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "import java.util.*;",
            "import java.util.function.Function;",
            "import java.time.LocalDate;",
            "import java.time.format.DateTimeFormatter;",
            "import dev.docket.facts.*;",
            "import java.lang.Math;",
            "import static java.lang.Math.max;",
            "import function java.lang.Math.min;",
    })
    void allowedImportsPass(String importLine) {
        assertThat(guard(rule(importLine, "$c.add(drools.getRule().getName(), 1.0, \"ok\");"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "String s = String.format(java.util.Locale.ROOT, \"%,.0f\", $c.getDealValueBase());",
            "for (Object gate : new java.util.TreeSet($c.getMissingGates())) { $c.block(\"gate \" + gate); }",
            "double p = Math.min(40.0, 10.0 * Math.log10($c.getDealValueBase() / 1000.0));",
            "java.time.LocalDate d = java.time.LocalDate.of(2025, 1, 1);",
            "Integer days = $c.getDaysToTargetClose(); java.lang.Integer same = days;",
            "java.util.function.Function<String, String> upper = s -> s.toUpperCase(java.util.Locale.ROOT);",
    })
    void everydayConsequencesPass(String consequence) {
        assertThat(guard(rule("", consequence))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "java.util.ServiceLoader.load(Object.class);|`java.util.ServiceLoader`",
            "Object o = $c.getTitle().getClass();|`getClass`",
            "Object o = String.class;|`.class`",
            "drools.getKieRuntime().halt();|`getKieRuntime`",
            "$c.wait();|`wait`",
            "synchronized ($c) { }|`synchronized`",
            "Object o = com.example.Tool.run();|`com.example.Tool`",
            "Object o = io.micronaut.context.ApplicationContext.run();|`io.micronaut.context.ApplicationContext`",
            "Object o = dev.docket.rules.ActiveRuleSet.class;|`dev.docket.rules.ActiveRuleSet`",
            "Object o = javax.script.ScriptEngineManager.class;|`javax.script.ScriptEngineManager`",
            "java.util.concurrent.CompletableFuture.runAsync(null);|`java.util.concurrent.CompletableFuture`",
            "Object o = java . lang . /* hidden */ Runtime.getRuntime();|`java.lang.Runtime`",
            "double p = Double.POSITIVE_INFINITY;|`POSITIVE_INFINITY`",
    })
    void forbiddenConsequencesAreRefusedOnTheirLine(String caseText) {
        String[] parts = caseText.split("\\|");

        List<RuleProblem> problems = guard(rule("", parts[0]));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("extra.drl");
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).startsWith(parts[1]);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"import java.lang.*;", "import java.util.stream.Collectors;", "import java.util.logging.Logger;",
            "import org.kie.api.runtime.KieSession;", "import dev.docket.rules.ActiveRuleSet;", "import java.util.Timer;"})
    void importsOutsideTheAllowListAreRefused(String importLine) {
        assertThat(guard(rule(importLine, ""))).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("import `").contains("is not allowed");
        });
    }

    @Test
    void lineAndColumnAreThoseOfTheOriginalTextAfterMultiLineCommentsAndStrings() {
        String text = """
                package docket.policy;
                import dev.docket.facts.ContractFact;
                /* a comment
                   over two lines with "quotes" and System */
                rule "Two lines"
                when
                    $c : ContractFact( title == "a \\" quote" )
                then
                    String s = "first"; Runtime.getRuntime();
                end
                """;

        assertThat(PolicyGuard.check(List.of(new RuleSource("extra.drl", text))))
                .containsExactly(new RuleProblem("extra.drl", 9, 25, "`Runtime` is not allowed in rules: it reaches the operating system; "
                        + "rules may only use the fact model, java.time, java.util and java.lang.Math"));
    }

    @Test
    void forbiddenCodeInAnXlsxTableNamesTheSheetAndCell() {
        String[][] rows = Spreadsheets.pointsByTypeTable(new String[] {"XLSX NDA", "NDA", "OURS", "5, fine"});
        rows[5][3] = "Runtime.getRuntime(); " + rows[5][3];

        List<RuleProblem> problems = PolicyGuard.check(List.of(new RuleSource("points.xlsx", Spreadsheets.xlsx(rows, new int[] {4, 1, 2}))));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("points.xlsx");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isEqualTo(4);
            assertThat(p.message()).startsWith("sheet 'Rules' cell D6: `Runtime` is not allowed in rules");
        });
    }

    @Test
    void scenarioFilesAndOtherFilesAreNotPolicy() {
        assertThat(PolicyGuard.check(List.of(new RuleSource("tests/a.yaml", "System.exit(0)"), new RuleSource("README.txt", "")))).isEmpty();
    }

    /** A rule in extra.drl: imports from line 3 on (one extra line), the consequence on line 9. */
    private static String rule(String importLine, String consequence) {
        return "package docket.policy;\nimport dev.docket.facts.ContractFact;\n" + (importLine.isEmpty() ? "// no import" : importLine)
                + "\n\nrule \"Extra\"\nwhen\n    $c : ContractFact( )\nthen\n    " + consequence + "\nend\n";
    }

    private static List<RuleProblem> guard(String text) {
        return PolicyGuard.check(List.of(new RuleSource("extra.drl", text)));
    }
}
