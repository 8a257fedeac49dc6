package dev.docket.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.docket.rules.PolicyFiles;
import dev.docket.rules.Spreadsheets;
import dev.docket.rules.source.RuleFolder;
import dev.docket.rules.source.RuleSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad rule input legal ops could hand Docket, each added to (or swapped into) the real rules
 * folder, must be refused by {@link CandidateChecker} with a problem naming the file, the line where that
 * is meaningful, and what is wrong. The real folder itself, and forbidden words inside strings and
 * comments, must pass.
 */
public class CandidateCheckBadInputTest {

    private static List<RuleSource> real;

    @BeforeAll
    static void readRealFolder() {
        real = RuleFolder.read(PolicyFiles.FOLDER);
    }

    /** One bad candidate: how it changes the real folder, and the problem expected (line -1: not checked). */
    record Case(String name, UnaryOperator<List<RuleSource>> change, String file, int line, String fragment) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> badCandidates() {
        return Stream.of(
                // Files that are not rule text at all
                add("empty file", "extra.drl", "", 0, "file is empty"),
                add("whitespace-only file", "extra.drl", " \n\t\n  \n", 0, "file is empty (only whitespace)"),
                add("binary file", "extra.drl", new byte[] {'r', 'u', 'l', 'e', 0, 1, 2, (byte) 0xff}, 1, "file is not text"),
                add("invalid UTF-8 (Latin-1 text)", "extra.drl",
                        ("package docket.policy;\n\n// caf\u00e9 in Latin-1\n").getBytes(StandardCharsets.ISO_8859_1), 3, "not valid UTF-8"),
                add("no rules at all", "extra.drl", "package docket.policy;\nimport dev.docket.facts.ContractFact;\n", 0, "no rules"),
                add("hash comment, which Drools 10 rejects", "extra.drl", drl("Hash", "$c : ContractFact( )", "# no points"), 8,
                        "`#` does not start a comment"),
                // Syntax and compile errors
                add("syntax error", "extra.drl", drl("Half written", "$c : ContractFact( dealValueBase > )", ""), 6,
                        "no viable alternative at input ')'"),
                add("unterminated rule (no end)", "extra.drl", drl("Never ends", "$c : ContractFact( )", "$c.block(\"x\");")
                        .replace("end\n", ""), 4, "rule 'Never ends' has no `end`: close it with a line `end`"),
                add("rule without end before the next rule", "extra.drl", drl("Runs on", "$c : ContractFact( )", "$c.block(\"x\");")
                        .replace("end\n", "") + "\nrule \"Next\"\nwhen\n    $c : ContractFact( )\nthen\nend\n", 4,
                        "rule 'Runs on' has no `end`"),
                add("misspelt field", "extra.drl", drl("Misspelt", "$c : ContractFact( acount == \"Acme\" )", ""), 6,
                        "ContractFact has no field `acount`; did you mean `account`?"),
                add("enum value misspelt", "extra.drl", drl("Misspelt status", "$c : ContractFact( status == \"SUBMITED\" )", ""), 6,
                        "never true: status is one of SUBMITTED, IN_REVIEW, WAITING_ON_SALES, APPROVED, SIGNED, WITHDRAWN, never \"SUBMITED\""),
                add("unknown fact class", "extra.drl", drl("Wrong class", "$c : Contract( )", ""), 6, "Contract"),
                add("unknown fact field", "extra.drl", drl("Typo", "$c : ContractFact( dealVaule > 5 )", ""), 6, "dealVaule"),
                add("type error in a consequence", "extra.drl", drl("Type error", "$c : ContractFact( )",
                        "int points = $c.getTitle();"), 4, "cannot convert from String to int"),
                add("unknown method in a consequence", "extra.drl", drl("Unknown method", "$c : ContractFact( )",
                        "$c.addPoints(1.0);"), 8, "addPoints"),
                add("duplicate rule name across files", "extra.drl", drl("Deal value", "$c : ContractFact( )", ""), 4,
                        "rule 'Deal value' is defined twice: in value.drl line 8 and extra.drl line 4"),
                add("duplicate rule name within a file", "extra.drl", drl("Twice", "$c : ContractFact( )", "")
                        + "\nrule \"Twice\"\nwhen\n    $c : ContractFact( )\nthen\nend\n", 11,
                        "rule 'Twice' is defined twice: in extra.drl line 4 and extra.drl line 11"),
                // Forbidden Java
                add("forbidden import java.io.File", "extra.drl", drl("Files", "$c : ContractFact( )", "")
                        .replace("import dev.docket.facts.ContractFact;", "import dev.docket.facts.ContractFact;\nimport java.io.File;"),
                        3, "import `java.io.File` is not allowed"),
                add("forbidden import of java.util.concurrent", "extra.drl", drl("Pool", "$c : ContractFact( )", "")
                        .replace("import dev.docket.facts.ContractFact;", "import dev.docket.facts.ContractFact;\nimport java.util.concurrent.*;"),
                        3, "import `java.util.concurrent.*` is not allowed"),
                add("import static of System.exit", "extra.drl", drl("Exit", "$c : ContractFact( )", "")
                        .replace("import dev.docket.facts.ContractFact;", "import dev.docket.facts.ContractFact;\nimport static java.lang.System.exit;"),
                        3, "`import function` is not allowed"),
                add("System.exit", "extra.drl", drl("Exit", "$c : ContractFact( )", "System.exit(0);"), 8, "`java.lang.System` is not allowed in rules (rules may not reach the operating system"),
                add("Runtime.getRuntime", "extra.drl", drl("Exec", "$c : ContractFact( )", "Runtime.getRuntime().exec(\"rm\");"), 8,
                        "`java.lang.Runtime` is not allowed in rules"),
                add("ProcessBuilder", "extra.drl", drl("Shell", "$c : ContractFact( )", "new ProcessBuilder(\"sh\").start();"), 8,
                        "`java.lang.ProcessBuilder` is not allowed in rules"),
                add("Class.forName", "extra.drl", drl("Load", "$c : ContractFact( )", "Object k = Class.forName(\"x.Y\");"), 8,
                        "`java.lang.Class` is not allowed in rules (reflection and class loading reach any code)"),
                add("reflection through getClass", "extra.drl", drl("Reflect", "$c : ContractFact( )",
                        "Object m = $c.getClass().getDeclaredMethods();"), 8, "`Object.getClass` is not allowed in rules: reflection (getClass) reaches any code"),
                add("new Thread", "extra.drl", drl("Spawn", "$c : ContractFact( )", "new Thread(() -> {}).start();"), 8,
                        "`java.lang.Thread` is not allowed in rules (rules may not start threads"),
                add("java.net.URL", "extra.drl", drl("Phone home", "$c : ContractFact( )",
                        "Object u = new java.net.URL(\"http://example.com\");"), 8, "`java.net.URL` is not allowed in rules (rules may not reach the network)"),
                add("java.nio.file.Files", "extra.drl", drl("Read disk", "$c : ContractFact( )",
                        "Object t = java.nio.file.Files.readString(null);"), 8, "`java.nio.file.Files` is not allowed in rules (rules may not read or write files)"),
                add("fully qualified java.lang.Runtime without import", "extra.drl", drl("Qualified", "$c : ContractFact( )",
                        "java.lang.Runtime.getRuntime().halt(0);"), 8, "`java.lang.Runtime` is not allowed in rules"),
                add("eval of reflection in a condition", "extra.drl", drl("Eval", "$c : ContractFact( )\n    eval( $c.getClass() != null )", ""), 7,
                        "`Object.getClass` is not allowed in rules"),
                add("global of a forbidden type", "extra.drl", drl("Global", "$c : ContractFact( )", "")
                        .replace("import dev.docket.facts.ContractFact;", "import dev.docket.facts.ContractFact;\nglobal java.io.File home;"),
                        3, "`global` is not allowed"),
                add("function using a forbidden class", "extra.drl", drl("Function", "$c : ContractFact( )", "")
                        .replace("import dev.docket.facts.ContractFact;\n", "import dev.docket.facts.ContractFact;\n"
                                + "function String home() { return System.getProperty(\"user.home\"); }\n"), 3,
                        "`function` is not allowed"),
                add("unicode escape hiding code in a string", "extra.drl", drl("Escape", "$c : ContractFact( )",
                        "String s = \"\\u0022; Runtime.getRuntime(); \\u0022\";"), 8, "unicode escapes"),
                add("NaN points written as Double.NaN", "extra.drl", drl("Not a number", "$c : ContractFact( )",
                        "$c.add(drools.getRule().getName(), Double.NaN, \"nan\");"), 4, "gave NaN points; points must be a finite number"),
                // Rules that misbehave when they run
                add("rule re-triggering itself (update, no-loop false)", "extra.drl", drl("Again and again",
                        "$c : ContractFact( )", "$c.add(drools.getRule().getName(), 1.0, \"again\");\n    update($c);")
                        .replace("when", "    no-loop false\nwhen"), 10, "`update` and `modify` are not allowed in rules (rules only rank; they may not insert, update, modify, delete, halt or reach the engine)"),
                add("consequence that never returns", "extra.drl", drl("Spin", "$c : ContractFact( id == 3 )",
                        "while (true) { }"), 8, "loops are not allowed in rules, so a rule cannot spin"),
                add("consequence that throws (null target close date)", "extra.drl", drl("Close day", "$c : ContractFact( )",
                        "$c.add(drools.getRule().getName(), $c.getTargetCloseDate().getDayOfMonth(), \"day\");"), 4,
                        "rule 'Close day' failed on contract 1 (NDA on OURS paper, SUBMITTED, no target close date): NullPointerException"),
                add("condition that throws (null target close date)", "extra.drl", drl("Close year",
                        "$c : ContractFact( targetCloseDate.getYear() > 2000 )", "$c.add(drools.getRule().getName(), 1.0, \"year\");"), 4,
                        "rule 'Close year' failed on contract 1 (NDA on OURS paper, SUBMITTED, no target close date): ConstraintEvaluationException: Error evaluating constraint"),
                add("infinite points (log of zero)", "extra.drl", drl("Log zero", "$c : ContractFact( )",
                        "$c.add(drools.getRule().getName(), Math.log10(0), \"log\");"), 4, "gave -Infinity points; points must be a finite number"),
                add("rule that reads the override Docket applies itself", "extra.drl", drl("Override ratio", "$c : ContractFact( override != null )",
                        "$c.add(drools.getRule().getName(), 10 / $c.getOverride().getPoints(), \"ratio\");"), 6,
                        "`ContractFact.getOverride` is not allowed in rules: Docket applies approved overrides and pins itself"),
                add("points without a reason", "extra.drl", drl("Silent", "$c : ContractFact( )",
                        "$c.add(drools.getRule().getName(), 1.0, \" \");"), 4, "points without a reason"),
                add("reason format that does not fit its value", "extra.drl", drl("Whole days", "$c : ContractFact( )",
                        "$c.add(drools.getRule().getName(), 1.0, \"%d days\", $c.getDealValueBase());"), 4,
                        "a reason whose format does not fit its values (IllegalFormatConversionException: d != java.lang.Double)"),
                // Decision tables
                replace("decision table with an unknown column type", "quick-reviews.csv",
                        csv -> csv.replace("NAME,CONDITION,CONDITION,ACTION", "NAME,CONDITION,CONDITON,ACTION"), 6,
                        "cell C6: 'CONDITON' is not a column type"),
                add("decision table with a malformed condition cell", "big-deals.csv", BIG_DEALS_TABLE, 9,
                        "cell B9: [ERR 102] mismatched input 'USD'"),
                replace("decision table calling System in its action", "quick-reviews.csv",
                        csv -> csv.replace("$c.add(", "System.exit(0); $c.add("), 8, "cell D8: `java.lang.System` is not allowed in rules"),
                replace("decision table row duplicating a DRL rule name", "quick-reviews.csv",
                        csv -> csv.replace("Quick review: DPA on our paper", "Deal value"), 14,
                        "rule 'Deal value' is defined twice: in quick-reviews.csv cell A14 and value.drl line 8"),
                add("XLSX table with a bad cell", "points.xlsx", Spreadsheets.xlsx(Spreadsheets.pointsByTypeTable(
                        new String[] {"XLSX NDA", "NDA", "OURS", "5, fine"},
                        new String[] {"XLSX DPA", "DPA", "OURS", "lots, not a number"}), new int[] {4, 1, 2}), 9,
                        "sheet 'Rules' cell D9: Rule Compilation error lots cannot be resolved to a variable"),
                add("XLSX table with an unknown column type", "points.xlsx", xlsxWithHeaders("NAME", "CONDITION", "CONDITION", "ACTON"), 4,
                        "sheet 'Rules' cell D4: 'ACTON' is not a column type"),
                add("XLSX file that is not a workbook", "points.xlsx", "NAME,CONDITION\n".getBytes(StandardCharsets.UTF_8), 0,
                        "file is not a readable XLSX workbook"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCandidates")
    void isRefusedWithFileLineAndReason(Case bad) {
        CheckResult result = StandaloneChecks.checker().check(bad.change().apply(real));

        assertThat(result.ok()).as("%s passed the check", bad).isFalse();
        assertThat(result.ruleSet()).isNull();
        assertThat(result.problems()).as("problems for %s", bad).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(bad.file());
            if (bad.line() >= 0) {
                assertThat(p.line()).isEqualTo(bad.line());
            }
            assertThat(p.message()).contains(bad.fragment());
        });
    }

    @Test
    void thereAreAtLeastThirtyKindsOfBadInput() {
        assertThat(badCandidates().map(Case::name).distinct().count()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void theRealRulesFolderPasses() {
        CheckResult result = StandaloneChecks.checker().check(real);

        assertThat(result.problems()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(result.ruleSet().sources()).extracting(RuleSource::path).contains("quick-reviews.csv", "value.drl");
    }

    @Test
    void forbiddenWordsInsideStringsAndCommentsPass() {
        String harmless = """
                package docket.policy;
                import dev.docket.facts.ContractFact;

                // System.exit(0), Runtime.getRuntime() and java.io.File in a comment are only words.
                /* new Thread(), Class.forName("x"), eval(1) */
                rule "System check: Runtime, Thread and java.io.File in a name"
                    // A reason may say "System down". It matches no real contract, so scenario scores do not move.
                when
                    $c : ContractFact( title == "System.exit(0)", account == 'Runtime' )
                then
                    $c.add(drools.getRule().getName(), 0.0,
                        "System down? Runtime error in java.io.File, new Thread(), Class.forName(\\"x\\"), #eval(1)");
                end
                """;

        CheckResult result = StandaloneChecks.checker().check(with(real, new RuleSource("harmless.drl", harmless)));

        assertThat(result.problems()).isEmpty();
        assertThat(result.ok()).isTrue();
    }

    private static final String BIG_DEALS_TABLE = """
            RuleSet,docket.policy
            Import,dev.docket.facts.ContractFact
            RuleTable Big deals
            NAME,CONDITION,ACTION
            ,$c : ContractFact,
            ,dealValueBase >= $param,"$c.add(drools.getRule().getName(), $param, ""big deal"");"
            Name,Value at least,Points
            Big deal,100000,5
            Bigger deal,"1,000,000 USD",6
            """;

    private static byte[] xlsxWithHeaders(String... headers) {
        String[][] rows = Spreadsheets.pointsByTypeTable(new String[] {"XLSX NDA", "NDA", "OURS", "5, fine"});
        rows[3] = headers;
        return Spreadsheets.xlsx(rows, new int[] {4, 1, 2});
    }

    /** A rule file in the shape of the real ones: the rule name on line 4, the condition on 6, the consequence on 8. */
    public static String drl(String name, String when, String then) {
        return "package docket.policy;\nimport dev.docket.facts.ContractFact;\n\nrule \"" + name + "\"\nwhen\n    " + when
                + "\nthen\n    " + then + "\nend\n";
    }

    private static Case add(String name, String path, String text, int line, String fragment) {
        return add(name, path, text.getBytes(StandardCharsets.UTF_8), line, fragment);
    }

    private static Case add(String name, String path, byte[] bytes, int line, String fragment) {
        return new Case(name, sources -> with(sources, new RuleSource(path, bytes)), path, line, fragment);
    }

    private static Case replace(String name, String path, UnaryOperator<String> edit, int line, String fragment) {
        return new Case(name, sources -> sources.stream()
                .map(s -> s.path().equals(path) ? new RuleSource(path, edit.apply(s.text())) : s).toList(), path, line, fragment);
    }

    private static List<RuleSource> with(List<RuleSource> sources, RuleSource extra) {
        List<RuleSource> all = new ArrayList<>(sources);
        all.add(extra);
        return all;
    }
}
