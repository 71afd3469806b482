package dev.quorum.core;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.Slice;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The layer rules of docs/architecture.md, enforced. */
@AnalyzeClasses(packages = "dev.quorum.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreHasNoUi = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "org.controlsfx..", "picocli..", "dev.quorum.app..")
            .because("core is shared by the CLI and the desktop app and knows neither");

    @ArchTest
    static final ArchRule coreNeverPrints = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("core reports through run events; only the app decides what to show");

    @ArchTest
    static final ArchRule partsDoNotKnowLifecycles = noClasses()
            .that().resideInAnyPackage("..core.inventory..", "..core.remote..", "..core.pki..", "..core.release..",
                    "..core.etcd..", "..core.engine..", "..core.workspace..", "..core.certinventory..")
            .should().dependOnClassesThat().resideInAnyPackage("..core.lifecycle..", "..core.cluster..")
            .because("parts are used by life-cycles, never the other way round");

    @ArchTest
    static final ArchRule engineIsGeneric = noClasses()
            .that().resideInAPackage("..core.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("..core.inventory..", "..core.remote..",
                    "..core.pki..", "..core.release..", "..core.etcd..")
            .because("the engine runs any plan; it knows steps, not etcd or SSH");

    private static final java.util.Set<String> DIAGNOSIS = java.util.Set.of("Diagnoser", "Diagnosis",
            "MemberDiagnosis", "QuorumEvidence", "QuorumEvidence$State", "QuorumReturn");

    /**
     * Every package under lifecycle but the shared steps is one life-cycle; they do not depend on each other,
     * derived rather than listed, so a new life-cycle is covered without an edit. Two dependencies are allowed:
     * recovery re-seeds members with the member life-cycle's steps (decision 0012), and restore's guard decides
     * from the diagnosis, the one model of the cluster's state (decision 0018).
     */
    @ArchTest
    static final ArchRule lifecyclesAreIndependent = slices().matching("dev.quorum.core.lifecycle.(*)..")
            .that(new DescribedPredicate<Slice>("are life-cycles") {
                @Override
                public boolean test(Slice slice) {
                    return !"steps".equals(slice.getNamePart(1));
                }
            })
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAPackage("dev.quorum.core.lifecycle.recover.."),
                    resideInAPackage("dev.quorum.core.lifecycle.members.."))
            .ignoreDependency(resideInAPackage("dev.quorum.core.lifecycle.restore.."),
                    DescribedPredicate.describe("the diagnosis classes of recovery", (JavaClass c) ->
                            c.getPackageName().equals("dev.quorum.core.lifecycle.recover")
                                    && DIAGNOSIS.contains(c.getName().substring(c.getPackageName().length() + 1))))
            .because("each life-cycle builds its own plan from shared parts (lifecycle.steps)");

    @ArchTest
    static final ArchRule sharedStepsKnowNoLifecycle = noClasses()
            .that().resideInAPackage("dev.quorum.core.lifecycle.steps..")
            .should().dependOnClassesThat(DescribedPredicate.describe("a life-cycle's own classes", (JavaClass c) ->
                    c.getPackageName().startsWith("dev.quorum.core.lifecycle.")
                            && !c.getPackageName().startsWith("dev.quorum.core.lifecycle.steps")))
            .because("the shared steps serve every life-cycle and know none");
}
