package dev.docket;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The direction data flows in, HTTP → store → facts → rules → ranking → explanation and pages, as rules on the
 * packages' imports: no package imports one that imports it back, and the core never reads what is built on it.
 * README "Code map" says what each package holds and may read.
 */
@AnalyzeClasses(packages = "dev.docket", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule topLevelPackagesHaveNoCycles = slices().matching("dev.docket.(*)..")
            .should().beFreeOfCycles();

    /** The rules' own sub-packages (checks, tables, scenarios, versions, ...) read each other one way too. */
    @ArchTest
    static final ArchRule rulesSubPackagesHaveNoCycles = slices().matching("dev.docket.rules.(*)..")
            .should().beFreeOfCycles()
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule rankingIsTheCoreOthersRead = noClasses().that().resideInAPackage("dev.docket.ranking..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.docket.explain..", "dev.docket.forecast..",
                    "dev.docket.fairness..", "dev.docket.pages..", "dev.docket.preview..", "dev.docket.history..",
                    "dev.docket.flow..", "dev.docket.crm..", "dev.docket.sample..", "dev.docket.web..");

    @ArchTest
    static final ArchRule rulesDoNotReadWhatScoresWithThem = noClasses().that().resideInAPackage("dev.docket.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.docket.ranking..", "dev.docket.explain..",
                    "dev.docket.forecast..", "dev.docket.fairness..", "dev.docket.pages..", "dev.docket.preview..",
                    "dev.docket.history..", "dev.docket.web..");

    /** The feed tells the ranking and the rules about other instances' changes through interfaces it owns. */
    @ArchTest
    static final ArchRule feedReadsNeitherRankingNorRules = noClasses().that().resideInAPackage("dev.docket.feed..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.docket.ranking..", "dev.docket.rules..",
                    "dev.docket.contract..", "dev.docket.explain..", "dev.docket.pages..", "dev.docket.web..");

    /** Explanations, the ranking's API pages and the impact preview sit on top: only the web pages read them. */
    @ArchTest
    static final ArchRule onlyWebReadsTheTop = noClasses()
            .that().resideOutsideOfPackages("dev.docket.explain..", "dev.docket.pages..", "dev.docket.preview..",
                    "dev.docket.web..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.docket.explain..", "dev.docket.pages..",
                    "dev.docket.preview..");

    @ArchTest
    static final ArchRule forecastAndFairnessReadTheRankingNotItsReaders = noClasses()
            .that().resideInAnyPackage("dev.docket.forecast..", "dev.docket.fairness..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.docket.explain..", "dev.docket.pages..",
                    "dev.docket.preview..", "dev.docket.web..");

    @ArchTest
    static final ArchRule nothingButWebDependsOnWeb = noClasses().that().resideOutsideOfPackage("dev.docket.web..")
            .should().dependOnClassesThat().resideInAPackage("dev.docket.web..");

    /** The calendar, the role names, the fact model and system are the floor: they read no feature package. */
    @ArchTest
    static final ArchRule theFloorReadsNoFeature = noClasses()
            .that().resideInAnyPackage("dev.docket.calendar..", "dev.docket.access..", "dev.docket.facts..",
                    "dev.docket.system..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.docket.approval..", "dev.docket.audit..",
                    "dev.docket.comment..", "dev.docket.contract..", "dev.docket.crm..", "dev.docket.explain..",
                    "dev.docket.fairness..", "dev.docket.feed..", "dev.docket.flow..", "dev.docket.forecast..",
                    "dev.docket.history..", "dev.docket.identity..", "dev.docket.override..", "dev.docket.pages..",
                    "dev.docket.preview..", "dev.docket.ranking..", "dev.docket.rules..", "dev.docket.sample..",
                    "dev.docket.seeding..", "dev.docket.web..");
}
