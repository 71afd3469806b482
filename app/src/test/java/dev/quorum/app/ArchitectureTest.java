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
            .that().resideInAPackage("dev.quorum.app..").and().resideOutsideOfPackages("dev.quorum.app.shell..",
                    "dev.quorum.app.actions..")
            .and().doNotHaveFullyQualifiedName(Main.class.getName())
            .should().dependOnClassesThat().resideInAPackage("dev.quorum.app.shell..")
            .because("the shell composes the parts; a part knows only what it is given");

    @ArchTest
    static final ArchRule statusSourcesStayOffTheUi = noClasses()
            .that().haveSimpleNameEndingWith("StatusSource").or().haveSimpleNameEndingWith("CertificateSource")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("status sources block on the network and run on background threads only");

    @ArchTest
    static final ArchRule modelsKnowNoNode = noClasses()
            .that().haveSimpleNameEndingWith("Model").or().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().areAssignableTo(javafx.scene.Node.class)
            .because("one naming rule: a *Model holds state and logic and builds no node, so it is testable "
                    + "without a scene; pages and views build the nodes");
}
