package dev.docket.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import dev.docket.rules.PolicyFiles;
import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.source.RuleFolder;
import dev.docket.rules.source.RuleSource;
import dev.docket.facts.ContractFact;
import dev.docket.sample.CrmDeals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which rules look at one contract, read from the parsed rules. A rule whose patterns can match more than one contract
 * compares contracts: an edited contract cannot then be re-scored alone, or its rank would differ from a full re-rank.
 */
class RuleFormsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void theRealPolicyLooksAtOneContractAtATime() {
        assertThat(RuleForms.perContract(RuleFolder.read(PolicyFiles.FOLDER))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$c : ContractFact( dealValueBase > 1000 )",
            "$c : ContractFact( dealValueBase > 1000, status == \"SUBMITTED\" || status == \"IN_REVIEW\" )",
            "$c : dev.docket.facts.ContractFact( )",
            // A word in a string or a comment is not a pattern.
            "$c : ContractFact( title != \"not exists from Object( ) accumulate\" ) // ContractFact( ) from",
    })
    void oneContractPatternIsPerContract(String when) {
        assertThat(RuleForms.perContract(drl(when))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$c : ContractFact( )\n    $o : Object( this != $c, this instanceof ContractFact )",
            "$c : ContractFact( )\n    $o : Object( )",
            "$o : Object( this instanceof ContractFact )",
            "$c : ContractFact( )\n    $d : ContractFact( this != $c, account == $c.account )",
            "$c : ContractFact( $v : dealValueBase )\n    not ContractFact( dealValueBase > $v )",
            "$c : ContractFact( )\n    exists ContractFact( this != $c )",
            "$c : ContractFact( )\n    forall( ContractFact( dealValueBase > 0 ) )",
            "$c : ContractFact( )\n    $n : Number( intValue > 10 ) from accumulate( ContractFact( ), count( 1 ) )",
            "$c : ContractFact( )\n    $l : java.util.List( ) from collect( ContractFact( ) )",
            "$c : ContractFact( )\n    $g : String( ) from $c.missingGates",
            "$c : ContractFact( ) or $c : ContractFact( dealValueBase > 1 )",
            "$c : ContractFact( )\n    eval( $c.getDealValueBase() > 1 )",
    })
    void anythingThatCanMatchAnotherContractComparesContracts(String when) {
        assertThat(RuleForms.perContract(drl(when))).as(when).isFalse();
    }

    @Test
    void aSecondPatternOnASupertypeIsScoredWithTheWholeBacklogSoAnEditedContractGetsTheFullRankScore() {
        CompiledRuleSet rules = RuleSetCompiler.compile(List.of(new RuleSource("same-account.drl",
                drl("$c : ContractFact( )\n    $o : Object( this != $c, this instanceof ContractFact )"))));
        List<ContractFact> backlog = new CrmDeals(7).facts(100, TODAY);
        rules.score(backlog);
        ContractFact edited = new CrmDeals(7).facts(100, TODAY).get(5);

        // Re-scoring the edited contract alone, as the incremental path would for a per-contract policy, gives another answer.
        rules.score(List.of(edited));

        assertThat(rules.perContract()).isFalse();
        assertThat(edited.getScore()).isNotEqualTo(backlog.get(5).getScore());
        assertThat(backlog.get(5).getScore()).isEqualTo(99.0);
    }

    private static String drl(String when) {
        return "package docket.policy;\nimport dev.docket.facts.ContractFact;\n\nrule \"Form\"\nwhen\n    " + when
                + "\nthen\n    $c.add(drools.getRule().getName(), 1.0, \"x\");\nend\n";
    }
}
