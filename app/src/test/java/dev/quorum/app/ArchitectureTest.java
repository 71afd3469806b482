package dev.quorum.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The app's layer rules (docs/architecture.md, "Inside app"), enforced. */
@AnalyzeClasses(packages = "dev.quorum.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule guiDoesNotUseTheCli = noClasses()
            .that().resideInAPackage("dev.quorum.app..").and().resideOutsideOfPackage("dev.quorum.app.cli..")
            .and().doNotHaveFullyQualifiedName(Main.class.getName())
            .should().dependOnClassesThat().resideInAPackage("dev.quorum.app.cli..")
            .because("the desktop app and the CLI are two faces of core's plans; only Main knows both");

    @ArchTest
    static final ArchRule cliDoesNotUseTheGui = noClasses()
            .that().resideInAPackage("dev.quorum.app.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                    "org.kordamp..", "dev.quorum.app.shell..", "dev.quorum.app.welcome..", "dev.quorum.app.cluster..",
                    "dev.quorum.app.tasks..", "dev.quorum.app.sandbox..", "dev.quorum.app.certs..",
                    "dev.quorum.app.renew..", "dev.quorum.app.snapshots..", "dev.quorum.app.remove..",
                    "dev.quorum.app.adopt..")
            .because("the CLI runs without a display; it shares only app.common's headless helpers with the app");

    @ArchTest
    static final ArchRule sharedHelpersAreHeadless = noClasses()
            .that().resideInAPackage("dev.quorum.app.common..")
            .and().doNotHaveFullyQualifiedName(dev.quorum.app.common.FxTaskExecutor.class.getName())
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the CLI uses app.common too, and must load without JavaFX's toolkit");

    @ArchTest
    static final ArchRule viewModelsDoNotKnowViews = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().areAssignableTo(javafx.scene.Node.class)
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("View")
            .because("views bind to view models, never the reverse (MVVM): view models stay testable without a scene");

    @ArchTest
    static final ArchRule partsDoNotKnowTheShell = noClasses()
            .that().resideInAnyPackage("dev.quorum.app.welcome..", "dev.quorum.app.cluster..", "dev.quorum.app.tasks..",
                    "dev.quorum.app.sandbox..", "dev.quorum.app.common..", "dev.quorum.app.certs..",
                    "dev.quorum.app.snapshots..", "dev.quorum.app.restore..", "dev.quorum.app.remove..",
                    "dev.quorum.app.adopt..")
            .should().dependOnClassesThat().resideInAPackage("dev.quorum.app.shell..")
            .because("the shell composes the parts; a part knows only what it is given");

    @ArchTest
    static final ArchRule certificatesTabOpensNoWizard = noClasses()
            .that().resideInAPackage("dev.quorum.app.certs..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.quorum.app.wizard..", "dev.quorum.app.renew..",
                    "dev.quorum.app.actions..")
            .because("Renew... goes through the shell's ShellActions; the tab knows no wizard");

    @ArchTest
    static final ArchRule statusSourcesStayOffTheUi = noClasses()
            .that().haveSimpleNameEndingWith("StatusSource").or().haveSimpleNameEndingWith("CertificateSource")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("status sources block on the network and run on background threads only");

    @ArchTest
    static final ArchRule maintenanceModelsKnowNoNode = noClasses()
            .that().resideInAPackage("dev.quorum.app.maintenance..")
            .and().haveSimpleNameNotEndingWith("Page").and().haveSimpleNameNotEndingWith("Wizard")
            .should().dependOnClassesThat().areAssignableTo(javafx.scene.Node.class)
            .orShould().dependOnClassesThat().resideInAPackage("dev.quorum.app.shell..")
            .because("the maintenance wizard's models (choices, space, plan source) stay testable without a scene; "
                    + "only its page builds nodes");

    @ArchTest
    static final ArchRule upgradeModelsKnowNoNode = noClasses()
            .that().resideInAPackage("dev.quorum.app.upgrade..")
            .and().haveSimpleNameNotEndingWith("Page").and().haveSimpleNameNotEndingWith("Wizard")
            .should().dependOnClassesThat().areAssignableTo(javafx.scene.Node.class)
            .orShould().dependOnClassesThat().resideInAPackage("dev.quorum.app.shell..")
            .because("the upgrade wizard's models (choices, outlook, plan source) stay testable without a scene; "
                    + "only its pages build nodes");
}
