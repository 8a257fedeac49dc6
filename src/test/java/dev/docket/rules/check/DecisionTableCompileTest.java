package dev.docket.rules.check;

import static dev.docket.rules.PolicyFiles.contribution;
import static dev.docket.rules.PolicyFiles.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.docket.rules.Spreadsheets;
import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;
import dev.docket.facts.ContractFact;
import org.junit.jupiter.api.Test;

/** CSV and XLSX decision tables compile with .drl files, and their errors name the file and the cell. */
class DecisionTableCompileTest {

    /** CSV doubles quotes inside a quoted cell; written here with ' for " to keep the text block readable. */
    private static final String CSV_TABLE = """
            RuleSet,docket.policy
            Import,dev.docket.facts.ContractFact
            Notes,A table for tests
            RuleTable Test points
            NAME,CONDITION,CONDITION,ACTION
            ,$c : ContractFact...,$c : ContractFact...,
            ,'contractType == ''$param''','paper == ''$param''','$c.add(drools.getRule().getName(), $1, ''$2'');'
            Rule,Type,Paper,'Points, why'
            CSV NDA,NDA,OURS,'3, csv nda'
            CSV MSA,MSA,CUSTOMER,'-2, csv msa'
            """.replace('\'', '"');

    private static final String DRL = """
            package docket.policy;
            import dev.docket.facts.ContractFact;

            rule "Plain DRL"
            when
                $c : ContractFact( contractType == "NDA" )
            then
                $c.add(drools.getRule().getName(), 1.0, "from a .drl file");
            end
            """;

    @Test
    void aCsvTableCompilesWithDrlFilesInOneRuleSet() {
        CompiledRuleSet rules = RuleSetCompiler.compile(List.of(new RuleSource("plain.drl", DRL), new RuleSource("points.csv", CSV_TABLE)));

        assertThat(rules.ruleNames()).containsExactly("CSV MSA", "CSV NDA", "Plain DRL");
        ContractFact nda = score(rules, ContractFact.builder(1).contractType("NDA").paper("OURS").build());
        assertThat(contribution(nda, "CSV NDA").points()).isEqualTo(3.0);
        assertThat(contribution(nda, "CSV NDA").reason()).isEqualTo("csv nda");
        assertThat(nda.getScore()).isEqualTo(4.0);
    }

    @Test
    void aCsvTableSavedWithAByteOrderMarkCompiles() {
        byte[] withBom = ("\uFEFF" + CSV_TABLE).getBytes(StandardCharsets.UTF_8);

        assertThat(RuleSetCompiler.compile(List.of(new RuleSource("points.csv", withBom))).ruleNames()).contains("CSV NDA");
    }

    @Test
    void anXlsxTableCompilesAndScoresLikeTheCsvOne() {
        byte[] workbook = Spreadsheets.xlsx(Spreadsheets.pointsByTypeTable(
                new String[] {"XLSX NDA", "NDA", "OURS", "5, xlsx nda"},
                new String[] {"XLSX DPA", "DPA", "CUSTOMER", "1.5, xlsx dpa"}), new int[] {4, 1, 2});

        CompiledRuleSet rules = RuleSetCompiler.compile(List.of(new RuleSource("points.xlsx", workbook)));

        assertThat(rules.ruleNames()).containsExactly("XLSX DPA", "XLSX NDA");
        ContractFact dpa = score(rules, ContractFact.builder(2).contractType("DPA").paper("CUSTOMER").build());
        assertThat(contribution(dpa, "XLSX DPA").points()).isEqualTo(1.5);
        assertThat(contribution(dpa, "XLSX DPA").reason()).isEqualTo("xlsx dpa (DPA on CUSTOMER paper)");
        assertThat(score(rules, ContractFact.builder(3).contractType("DPA").paper("OURS").build()).getContributions()).isEmpty();
    }

    @Test
    void anUnknownColumnTypeNamesItsCell() {
        String table = CSV_TABLE.replace("NAME,CONDITION,CONDITION,ACTION", "NAME,CONDITION,CONDITON,ACTION");

        assertProblem(() -> RuleSetCompiler.compile(List.of(new RuleSource("points.csv", table))),
                new RuleProblem("points.csv", 5, 3, "cell C5: 'CONDITON' is not a column type; each column under 'RuleTable Test points' "
                        + "must be headed CONDITION, ACTION, NAME or DESCRIPTION (or an attribute such as PRIORITY)"));
    }

    @Test
    void aMisspeltFieldInACodeCellNamesThatCellOnce() {
        String table = CSV_TABLE.replace("contractType == \"\"$param", "contractTyp == \"\"$param");

        assertProblem(() -> RuleSetCompiler.compile(List.of(new RuleSource("points.csv", table))),
                new RuleProblem("points.csv", 7, 2, "cell B7: ContractFact has no field 'contractTyp'; see the fact model in docs/rules.md"));
    }

    @Test
    void aBadValueCellInAnXlsxTableNamesSheetAndCell() {
        byte[] workbook = Spreadsheets.xlsx(Spreadsheets.pointsByTypeTable(
                new String[] {"XLSX NDA", "NDA", "OURS", "5, fine"},
                new String[] {"XLSX DPA", "DPA", "OURS", "lots, not a number"}), new int[] {4, 1, 2});

        assertThatThrownBy(() -> RuleSetCompiler.compile(List.of(new RuleSource("points.xlsx", workbook))))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("points.xlsx");
                    assertThat(p.line()).isEqualTo(9);
                    assertThat(p.column()).isEqualTo(4);
                    assertThat(p.message()).startsWith("sheet 'Rules' cell D9: ").contains("lots cannot be resolved");
                }));
    }

    @Test
    void aTableWithoutRuleTableSaysWhatATableNeeds() {
        assertProblem(() -> RuleSetCompiler.compile(List.of(new RuleSource("empty.csv", "RuleSet,docket.policy\nNotes,nothing yet\n"))),
                new RuleProblem("empty.csv", 0, 0, "the table has no RuleTable: a decision table starts with a cell 'RuleTable <name>', "
                        + "followed by a row of column types (CONDITION, ACTION, NAME, ...)"));
    }

    @Test
    void aRuleTableOnALaterSheetIsRefusedRatherThanSilentlySkipped() {
        byte[] workbook = Spreadsheets.xlsx(new String[] {"Notes", "Rules"}, new String[][] {{"Notes", "the table is on the next sheet"}},
                Spreadsheets.pointsByTypeTable(new String[] {"Later", "NDA", "OURS", "1, later"}));

        assertThatThrownBy(() -> RuleSetCompiler.compile(List.of(new RuleSource("two-sheets.xlsx", workbook))))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.message()).isEqualTo("sheet 'Rules' cell A3: only the first sheet of a workbook is "
                                + "read; move this RuleTable to sheet 'Notes'")));
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefused() {
        assertThatThrownBy(() -> RuleSetCompiler.compile(List.of(new RuleSource("points.xlsx", "NAME,CONDITION"))))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).startsWith("file is not a readable XLSX workbook")));
    }

    @Test
    void aParserErrorInADrlFileGetsTheColumnFromTheMessage() {
        RuleSource broken = new RuleSource("broken.drl", DRL.replace("contractType == \"NDA\"", "contractType == "));

        assertThatThrownBy(() -> RuleSetCompiler.compile(List.of(broken)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("broken.drl"));
                    assertThat(e.problems()).noneMatch(p -> p.message().equals(DroolsMessages.NULL_PACKAGE));
                    assertThat(e.problems().get(0).line()).isEqualTo(6);
                    assertThat(e.problems().get(0).column()).isPositive();
                });
    }

    private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable compile, RuleProblem expected) {
        assertThatThrownBy(compile).isInstanceOfSatisfying(RuleCompilationException.class,
                e -> assertThat(e.problems()).containsExactly(expected));
    }
}
