package dev.docket.rules;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * How rules/ is laid out, so it stays that way. Each concern has a sub-package, and dependencies point one way:
 * <pre>
 *   api, watch  →  rules (ActiveRuleSet, the face others use)  →  version  →  check  →  scenario  →  scoring  →  source
 *                                                                            check  →  table  →  source
 * </pre>
 * source is the files of a rule set and the problems found in them; table turns decision tables into DRL; scoring
 * runs a compiled set; scenario runs legal ops' scenario tests on it; check guards, compiles and probes a candidate;
 * version records what was live; the HTTP API and the folder watcher sit on top, and nothing in rules reads them.
 */
@AnalyzeClasses(packages = "dev.docket.rules", importOptions = ImportOption.DoNotIncludeTests.class)
class RulesLayoutTest {

    @ArchTest
    static final ArchRule subPackagesAreFreeOfCycles = slices().matching("dev.docket.rules.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule dependenciesPointOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("api").definedBy("dev.docket.rules.api..")
            .layer("watch").definedBy("dev.docket.rules.watch..")
            .layer("face").definedBy("dev.docket.rules")
            .layer("version").definedBy("dev.docket.rules.version..")
            .layer("check").definedBy("dev.docket.rules.check..")
            .layer("scenario").definedBy("dev.docket.rules.scenario..")
            .layer("scoring").definedBy("dev.docket.rules.scoring..")
            .layer("table").definedBy("dev.docket.rules.table..")
            .layer("source").definedBy("dev.docket.rules.source..")
            .whereLayer("api").mayNotBeAccessedByAnyLayer()
            .whereLayer("watch").mayNotBeAccessedByAnyLayer()
            .whereLayer("face").mayOnlyBeAccessedByLayers("api", "watch")
            .whereLayer("version").mayOnlyBeAccessedByLayers("face", "api", "watch")
            .whereLayer("check").mayOnlyBeAccessedByLayers("version", "face", "api", "watch")
            .whereLayer("scenario").mayOnlyBeAccessedByLayers("check", "face", "api")
            .whereLayer("scoring").mayOnlyBeAccessedByLayers("scenario", "check", "version", "face", "api", "watch")
            .whereLayer("table").mayOnlyBeAccessedByLayers("check");
}
