package dev.quorum.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
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
                    "..core.etcd..", "..core.engine..", "..core.workspace..", "..core.certs..")
            .should().dependOnClassesThat().resideInAnyPackage("..core.lifecycle..", "..core.cluster..")
            .because("parts are used by life-cycles, never the other way round");

    @ArchTest
    static final ArchRule engineIsGeneric = noClasses()
            .that().resideInAPackage("..core.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("..core.inventory..", "..core.remote..",
                    "..core.pki..", "..core.release..", "..core.etcd..")
            .because("the engine runs any plan; it knows steps, not etcd or SSH");

    @ArchTest
    static final ArchRule certificateLifecyclesAreIndependent = noClasses()
            .that().resideInAnyPackage("..core.lifecycle.certs..", "..core.lifecycle.adopt..")
            .should().dependOnClassesThat().resideInAnyPackage("..core.lifecycle.install..",
                    "..core.lifecycle.members..", "..core.lifecycle.recovery..", "..core.lifecycle.disaster..")
            .because("each life-cycle builds its own plan from shared parts");

    @ArchTest
    static final ArchRule lifecyclesAreIndependent = noClasses()
            .that().resideInAPackage("..core.lifecycle.install..")
            .should().dependOnClassesThat().resideInAnyPackage("..core.lifecycle.members..",
                    "..core.lifecycle.recovery..", "..core.lifecycle.disaster..", "..core.lifecycle.certs..")
            .allowEmptyShould(true)
            .because("each life-cycle builds its own plan from shared parts");

    @ArchTest
    static final ArchRule membersKnowNoLaterLifecycle = noClasses()
            .that().resideInAPackage("..core.lifecycle.members..")
            .should().dependOnClassesThat().resideInAnyPackage("..core.lifecycle.install..",
                    "..core.lifecycle.recovery..", "..core.lifecycle.disaster..", "..core.lifecycle.certs..")
            .allowEmptyShould(true)
            .because("recovery re-seeds members with the member life-cycle's steps, never the other way round");

    private static final java.util.Set<String> DIAGNOSIS = java.util.Set.of("Diagnoser", "Diagnosis",
            "MemberDiagnosis", "QuorumEvidence", "QuorumEvidence$State");

    @ArchTest
    static final ArchRule disasterRecoveryIsIndependent = noClasses()
            .that().resideInAPackage("..core.lifecycle.disaster..")
            .should().dependOnClassesThat().resideInAnyPackage("..core.lifecycle.install..",
                    "..core.lifecycle.members..", "..core.lifecycle.certs..")
            .orShould().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "recovery classes other than the diagnosis", (com.tngtech.archunit.core.domain.JavaClass c) ->
                            c.getPackageName().endsWith(".core.lifecycle.recovery")
                                    && !DIAGNOSIS.contains(c.getName().substring(c.getPackageName().length() + 1))))
            .allowEmptyShould(true)
            .because("each life-cycle builds its own plan from shared parts; restore's guard decides from the one "
                    + "model of the cluster's state, the diagnosis (decision 0018)");

    @ArchTest
    static final ArchRule maintenanceIsIndependent = noClasses()
            .that().resideInAPackage("..core.lifecycle.maintenance..")
            .should().dependOnClassesThat().resideInAnyPackage("..core.lifecycle.install..",
                    "..core.lifecycle.members..", "..core.lifecycle.recovery..", "..core.lifecycle.disaster..",
                    "..core.lifecycle.certs..", "..core.lifecycle.adopt..")
            .because("maintenance builds its own plans from the shared steps");

    @ArchTest
    static final ArchRule upgradeIsIndependent = noClasses()
            .that().resideInAPackage("..core.lifecycle.upgrade..")
            .should().dependOnClassesThat().resideInAnyPackage("..core.lifecycle.install..",
                    "..core.lifecycle.members..", "..core.lifecycle.recovery..", "..core.lifecycle.disaster..",
                    "..core.lifecycle.certs..", "..core.lifecycle.adopt..", "..core.lifecycle.maintenance..")
            .because("upgrade builds its own plans from the shared steps");
}
