package dev.docket.rules.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.docket.rules.PolicyFiles;
import dev.docket.rules.Spreadsheets;
import dev.docket.rules.source.RuleFolder;
import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the guard lets through and what it refuses, beyond the cases of {@link CandidateCheckBadInputTest} and the
 * hostile corpus of {@link HostileRulesTest}: the parsed-descriptor checks of {@link PolicyGuard} and the bytecode
 * checks of {@link BytecodeGuard}, which runs inside {@link RuleSetCompiler#compile}.
 */
class PolicyGuardTest {

    @Test
    void theRealRulesFolderHasNoGuardProblems() {
        List<RuleSource> real = RuleFolder.read(PolicyFiles.FOLDER);

        assertThat(PolicyGuard.check(real)).isEmpty();
        assertThat(RuleSetCompiler.compile(real).ruleNames()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "import java.util.*;",
            "import java.time.LocalDate;",
            "import java.time.*;",
            "import dev.docket.facts.*;",
            "import java.lang.Math;",
            "import java.lang.*;",
    })
    void allowedImportsPass(String importLine) {
        assertThat(guard(rule(importLine, "$c.add(drools.getRule().getName(), 1.0, \"ok\");"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "for (Object gate : new java.util.TreeSet($c.getMissingGates())) { $c.block(\"gate \" + gate); }",
            "double p = Math.min(40.0, 10.0 * Math.log10($c.getDealValueBase() / 1000.0));",
            "java.time.LocalDate d = java.time.LocalDate.of(2025, 1, 1); if (d.isBefore(java.time.LocalDate.of(2026, 1, 1))) { $c.block(\"old\"); }",
            "Integer days = $c.getDaysToTargetClose(); java.lang.Integer same = days; if (same != null) { $c.add(drools.getRule().getName(), same, \"d\"); }",
            "String t = $c.getTitle() == null ? \"\" : $c.getTitle().toLowerCase(java.util.Locale.ROOT).strip(); if (t.startsWith(\"nda\")) { $c.block(t); }",
            "$c.add(drools.getRule().getName(), 1.0, \"%s %s %s %s\", $c.getAccount(), $c.getOwner(), $c.getTeam(), $c.getProduct());",
            "for (String a : $c.getPendingApprovals()) { for (String g : $c.getMissingGates()) { $c.block(a + g); } }",
    })
    void everydayConsequencesCompile(String consequence) {
        assertThat(RuleSetCompiler.compile(List.of(new RuleSource("extra.drl", rule("", consequence)))).ruleNames()).containsExactly("Extra");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Object o = $c.getTitle().getClass();|`Object.getClass` is not allowed in rules: reflection",
            "$c.block(String.class.getName());|class literals (`.class`) are not allowed",
            "drools.getKieRuntime().halt();|`KnowledgeHelper.getKieRuntime` is not allowed in rules",
            "drools.halt();|`KnowledgeHelper.halt` is not allowed in rules",
            "delete($c);|`KnowledgeHelper.delete` is not allowed in rules",
            "insert(\"x\");|`KnowledgeHelper.insert` is not allowed in rules",
            "$c.wait();|`Object.wait` is not allowed in rules",
            "synchronized ($c) { $c.block(\"x\"); }|`synchronized` is not allowed",
            "$c.block(String.valueOf(dev.docket.rules.ActiveRuleSet.class));|class literals",
            "java.util.concurrent.CompletableFuture.runAsync(null);|`java.util.concurrent.CompletableFuture` is not allowed",
            "Object o = java . lang . /* hidden */ Runtime.getRuntime();|`java.lang.Runtime` is not allowed",
            "java.util.function.Function<String, String> f = s -> s.trim();|lambdas and method references are not allowed",
            "int i = 0; while (i < 3) { i++; }|loops are not allowed in rules",
            "for (int i = 0; i < 3; i++) { $c.block(\"x\"); }|loops are not allowed in rules",
            "do { $c.block(\"x\"); } while ($c.getId() > 0);|loops are not allowed in rules",
            "int[] big = new int[$c.getBusinessDaysReady() * 1000000];|arrays are not allowed in rules",
            "String s = \"x\".repeat(1000000000);|`String.repeat` is not allowed in rules",
            "Long l = Long.getLong(\"user.home\");|`Long.getLong` is not allowed in rules: it reads a system property",
            "java.util.List l = new java.util.ArrayList(); l.add(\"x\");|`ArrayList.<init>` is not allowed in rules",
            "java.util.List l = new java.util.ArrayList($c.getPendingApprovals()); l.add(\"x\");|`List.add` is not allowed in rules: collections are read-only",
            "$c.getPendingApprovals().parallelStream().count();|`List.parallelStream` is not allowed in rules: streams",
            "double r = Math.random();|`Math.random` is not allowed in rules",
            "java.time.LocalDate d = java.time.LocalDate.now();|`LocalDate.now` is not allowed in rules",
            "$c.toBuilder();|`ContractFact.toBuilder` is not allowed in rules",
            "double s = $c.getScore();|`ContractFact.getScore` is not allowed in rules",
    })
    void forbiddenConsequencesAreRefusedOnTheirLine(String caseText) {
        String[] parts = caseText.split("\\|");

        assertThatThrownBy(() -> RuleSetCompiler.compile(List.of(new RuleSource("extra.drl", rule("", parts[0])))))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("extra.drl");
                    assertThat(p.line()).isEqualTo(9);
                    assertThat(p.message()).contains(parts[1]);
                }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"import java.util.stream.Collectors;", "import java.util.logging.Logger;",
            "import org.kie.api.runtime.KieSession;", "import dev.docket.rules.ActiveRuleSet;", "import java.util.Timer;",
            "import java.io.File;"})
    void importsOutsideTheAllowListAreRefused(String importLine) {
        assertThat(guard(rule(importLine, ""))).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("import `").contains("is not allowed");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$c : ContractFact( title.getClass().getName() == \"x\" )|`Object.getClass` is not allowed in rules",
            "$c : ContractFact( title.class.name == \"x\" )|a class literal (reflection) is not allowed in a condition",
            "$c : ContractFact( java.lang.System.getenv(\"HOME\") != null )|has no field `java`",
            "$c : ContractFact( Long.getLong(\"x\") != null )|`Long.getLong` is not allowed in rules",
            "$c : ContractFact( new java.io.File(\"/etc\").exists() )|`new` is not allowed in a condition",
            "$c : ContractFact( title matches \"(a+)+$\" )|the operator `matches` is not allowed",
            "$c : ContractFact( acount == \"x\" )|ContractFact has no field `acount`; did you mean `account`?",
            "$c : ContractFact( )\n    $s : String() from $c.getTitle().getClass().getName()|`Object.getClass` is not allowed",
            "$c : ContractFact( )\n    eval( System.currentTimeMillis() > 0 )|`System` is not a bound variable of this rule nor a class rules may use",
    })
    void forbiddenConditionsAreRefusedBeforeCompiling(String caseText) {
        String[] parts = caseText.split("\\|");

        assertThat(guard(rule("", "", parts[0]))).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("extra.drl");
            assertThat(p.line()).isBetween(7, 8);
            assertThat(p.message()).contains(parts[1]);
        });
    }

    @Test
    void aConsequenceThatClosesItsMethodToAddAStaticInitialiserIsRefusedOnWhatItCompilesTo() {
        String escape = "$c.block(\"x\");\n}\nstatic { java.lang.Runtime.getRuntime().halt(3); }\npublic static void rest() {";

        assertThatThrownBy(() -> RuleSetCompiler.compile(List.of(new RuleSource("extra.drl", rule("", escape)))))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("extra.drl");
                    assertThat(p.message()).contains("`java.lang.Runtime` is not allowed in rules");
                }));
    }

    @Test
    void unicodeEscapesAreRefusedWherever() {
        assertThat(guard(rule("", "String s = \"\\u0041\";"))).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).startsWith("unicode escapes");
        });
    }

    @Test
    void forbiddenCodeInAnXlsxTableNamesTheSheetAndCell() {
        String[][] rows = Spreadsheets.pointsByTypeTable(new String[] {"XLSX NDA", "NDA", "OURS", "5, fine"});
        rows[5][3] = "Runtime.getRuntime(); " + rows[5][3];

        assertThatThrownBy(() -> RuleSetCompiler.compile(List.of(new RuleSource("points.xlsx", Spreadsheets.xlsx(rows, new int[] {4, 1, 2})))))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("points.xlsx");
                    assertThat(p.line()).isEqualTo(6);
                    assertThat(p.column()).isEqualTo(4);
                    assertThat(p.message()).startsWith("sheet 'Rules' cell D6: `java.lang.Runtime` is not allowed in rules");
                }));
    }

    @Test
    void scenarioFilesAndOtherFilesAreNotPolicy() {
        assertThat(PolicyGuard.check(List.of(new RuleSource("tests/a.yaml", "System.exit(0)"), new RuleSource("README.txt", "")))).isEmpty();
    }

    /** A rule in extra.drl: imports from line 3 on (one extra line), the condition on line 7, the consequence on line 9. */
    private static String rule(String importLine, String consequence) {
        return rule(importLine, consequence, "$c : ContractFact( )");
    }

    private static String rule(String importLine, String consequence, String when) {
        return "package docket.policy;\nimport dev.docket.facts.ContractFact;\n" + (importLine.isEmpty() ? "// no import" : importLine)
                + "\n\nrule \"Extra\"\nwhen\n    " + when + "\nthen\n    " + consequence + "\nend\n";
    }

    private static List<RuleProblem> guard(String text) {
        return PolicyGuard.check(List.of(new RuleSource("extra.drl", text)));
    }
}
