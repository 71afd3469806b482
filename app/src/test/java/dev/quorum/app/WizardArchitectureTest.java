package dev.quorum.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The wizards' layer rules: they drive core plans and share the frame; the CLI knows no JavaFX. */
@AnalyzeClasses(packages = "dev.quorum.app", importOptions = ImportOption.DoNotIncludeTests.class)
class WizardArchitectureTest {

    @ArchTest
    static final ArchRule cliHasNoUi = noClasses().that().resideInAPackage("..app.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                    "..app.wizard..", "..app.install..", "..app.add..", "..app.replace..",
                    "..app.renew..", "..app.recover..", "..app.restore..", "..app.remove..", "..app.adopt..")
            .because("the CLI runs without a display; what it shares with the app lives in app.common");

    @ArchTest
    static final ArchRule wizardsDoNotUseTheCli = noClasses()
            .that().resideInAnyPackage("..app.wizard..", "..app.install..", "..app.add..", "..app.replace..",
                    "..app.renew..", "..app.recover..", "..app.restore..", "..app.remove..", "..app.adopt..")
            .should().dependOnClassesThat().resideInAPackage("..app.cli..")
            .because("the wizards and the CLI share core plans and app.common, not each other");

    @ArchTest
    static final ArchRule frameKnowsNoWizard = noClasses()
            .that().resideInAPackage("..app.wizard..")
            .should().dependOnClassesThat().resideInAnyPackage("..app.install..", "..app.add..", "..app.replace..",
                    "..app.renew..", "..app.recover..", "..app.restore..", "..app.remove..", "..app.adopt..")
            .because("the frame is shared; each wizard is one package on top of it");

    @ArchTest
    static final ArchRule wizardsAreIndependent = noClasses()
            .that().resideInAPackage("..app.install..")
            .should().dependOnClassesThat().resideInAnyPackage("..app.add..", "..app.replace..",
                    "..app.renew..", "..app.recover..", "..app.restore..", "..app.remove..", "..app.adopt..")
            .because("one package per wizard");

    @ArchTest
    static final ArchRule renewIsItsOwnWizard = noClasses()
            .that().resideInAPackage("..app.renew..")
            .should().dependOnClassesThat().resideInAnyPackage("..app.install..", "..app.add..", "..app.replace..",
                    "..app.shell..", "..app.certs..")
            .because("one package per wizard; the shell opens it through app.actions");

    @ArchTest
    static final ArchRule shellKnowsNoWizard = noClasses()
            .that().resideInAnyPackage("..app.shell..", "..app.snapshots..", "..app.certs..")
            .should().dependOnClassesThat().resideInAnyPackage("..app.wizard..", "..app.install..", "..app.add..",
                    "..app.replace..", "..app.renew..", "..app.recover..", "..app.restore..", "..app.remove..",
                    "..app.adopt..")
            .because("the shell and its tabs reach the wizards only through ShellActions (app.actions)");

    @ArchTest
    static final ArchRule wizardsRunNoLifecycleLogic = noClasses()
            .that().resideInAnyPackage("..app.wizard..", "..app.install..", "..app.add..", "..app.replace..",
                    "..app.renew..", "..app.recover..", "..app.restore..", "..app.remove..", "..app.adopt..")
            .should().dependOnClassesThat().resideInAnyPackage("..core.lifecycle.steps..")
            .orShould().dependOnClassesThat().haveSimpleName("Runner")
            .because("wizards build the same core plans as the CLI and run them through app.common.PlanRuns");

    @ArchTest
    static final ArchRule recoverIsItsOwnWizard = noClasses()
            .that().resideInAPackage("..app.recover..")
            .should().dependOnClassesThat().resideInAnyPackage("..app.install..", "..app.add..", "..app.replace..",
                    "..app.shell..", "..app.actions..")
            .because("one package per wizard; the shell reaches it only through app.actions");

    @ArchTest
    static final ArchRule removeIsItsOwnWizard = noClasses()
            .that().resideInAPackage("..app.remove..")
            .should().dependOnClassesThat().resideInAnyPackage("..app.install..", "..app.add..", "..app.replace..",
                    "..app.renew..", "..app.recover..", "..app.restore..", "..app.adopt..", "..app.shell..",
                    "..app.actions..", "..app.cluster..")
            .because("one package per wizard; the shell reaches it only through app.actions");

    @ArchTest
    static final ArchRule adoptIsItsOwnWizard = noClasses()
            .that().resideInAPackage("..app.adopt..")
            .should().dependOnClassesThat().resideInAnyPackage("..app.install..", "..app.add..", "..app.replace..",
                    "..app.renew..", "..app.recover..", "..app.restore..", "..app.remove..", "..app.shell..",
                    "..app.actions..", "..app.cluster..", "..app.certs..")
            .because("one package per wizard; the shell reaches it only through app.actions");

    @ArchTest
    static final ArchRule maintenanceIsItsOwnWizard = noClasses()
            .that().resideInAPackage("..app.maintenance..")
            .should().dependOnClassesThat().resideInAnyPackage("..app.install..", "..app.add..", "..app.replace..",
                    "..app.renew..", "..app.recover..", "..app.restore..", "..app.shell..", "..app.actions..",
                    "..app.cli..", "..core.lifecycle.steps..")
            .orShould().dependOnClassesThat().haveSimpleName("Runner")
            .because("one package per wizard, on the frame; it builds quorum maintain's core plans and runs them "
                    + "through the frame");

    @ArchTest
    static final ArchRule upgradeIsItsOwnWizard = noClasses()
            .that().resideInAPackage("..app.upgrade..")
            .should().dependOnClassesThat().resideInAnyPackage("..app.install..", "..app.add..", "..app.replace..",
                    "..app.renew..", "..app.recover..", "..app.restore..", "..app.remove..", "..app.adopt..",
                    "..app.maintenance..", "..app.shell..", "..app.actions..", "..app.cli..", "..core.lifecycle.steps..")
            .orShould().dependOnClassesThat().haveSimpleName("Runner")
            .because("one package per wizard, on the frame; it words core's upgrade decision and runs quorum "
                    + "upgrade's plan through the frame, never a planner of its own");

    @ArchTest
    static final ArchRule nothingButTheActionsOpenUpgrade = noClasses()
            .that().resideInAnyPackage("..app.cli..", "..app.wizard..", "..app.shell..", "..app.snapshots..",
                    "..app.certs..", "..app.install..", "..app.add..", "..app.replace..", "..app.renew..",
                    "..app.recover..", "..app.restore..", "..app.remove..", "..app.adopt..", "..app.maintenance..")
            .should().dependOnClassesThat().resideInAPackage("..app.upgrade..")
            .because("the shell reaches the upgrade wizard only through ShellActions (app.actions)");

    @ArchTest
    static final ArchRule nothingButTheActionsOpenMaintenance = noClasses()
            .that().resideInAnyPackage("..app.cli..", "..app.wizard..", "..app.shell..", "..app.snapshots..",
                    "..app.certs..", "..app.install..", "..app.add..", "..app.replace..", "..app.renew..",
                    "..app.recover..", "..app.restore..")
            .should().dependOnClassesThat().resideInAPackage("..app.maintenance..")
            .because("the shell reaches the maintenance wizard only through ShellActions (app.actions)");
}
