package dev.docket.rules.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.docket.rules.PolicyFiles;
import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.source.RuleFolder;
import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;
import org.junit.jupiter.api.Test;

/** The whole rules/ folder must compile; a broken file fails the build here before it fails a start-up. */
class RuleFolderCompileTest {

    @Test
    void everyFileInTheRulesFolderCompiles() {
        CompiledRuleSet rules = PolicyFiles.all();

        assertThat(rules.sources()).extracting(RuleSource::path)
                .contains("readiness.drl", "age.drl", "value.drl", "expansion.drl", "urgency.drl", "quick-reviews.csv");
        assertThat(rules.ruleNames()).contains("First in, first out", "Deal value", "Expansion potential",
                "Readiness gates open", "Waiting on sales", "Target close within 14 days",
                "Quick review: NDA on our paper", "Quick review: MSA on customer paper");
        assertThat(rules.version()).hasSize(12);
    }

    @Test
    void sameFilesGiveTheSameVersionAndAnyEditChangesIt() {
        List<RuleSource> sources = RuleFolder.read(PolicyFiles.FOLDER);
        List<RuleSource> edited = sources.stream()
                .map(s -> s.path().equals("age.drl") ? new RuleSource(s.path(), s.text() + "\n") : s)
                .toList();

        assertThat(RuleSetCompiler.versionOf(sources)).isEqualTo(RuleSetCompiler.versionOf(List.copyOf(sources)));
        assertThat(RuleSetCompiler.versionOf(edited)).isNotEqualTo(RuleSetCompiler.versionOf(sources));
    }

    @Test
    void aSyntaxErrorNamesFileLineAndColumn() {
        RuleSource broken = new RuleSource("broken.drl", """
                package docket.policy;
                import dev.docket.facts.ContractFact;

                rule "Broken"
                when
                    $c : ContractFact( dealValueBase >>> 5 )
                then
                end
                """);

        assertThatThrownBy(() -> RuleSetCompiler.compile(List.of(broken)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.problems()).isNotEmpty();
                    assertThat(e.problems().get(0).file()).isEqualTo("broken.drl");
                    assertThat(e.problems().get(0).line()).isEqualTo(6);
                    assertThat(e.getMessage()).contains("broken.drl:6:");
                });
    }

    @Test
    void anUnknownFactFieldIsACompileErrorInItsFile() {
        RuleSource unknownField = new RuleSource("typo.drl", """
                package docket.policy;
                import dev.docket.facts.ContractFact;

                rule "Typo"
                when
                    $c : ContractFact( dealVaule > 5 )
                then
                end
                """);

        assertThatThrownBy(() -> RuleSetCompiler.compile(List.of(unknownField)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.problems()).extracting(RuleProblem::file).contains("typo.drl");
                    assertThat(e.getMessage()).contains("dealVaule");
                });
    }
}
