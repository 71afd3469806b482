package dev.quorum.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.List;
import java.util.stream.Stream;

/**
 * The wizards' layer rules, derived from one list: each wizard is one package on top of the frame
 * ({@code app.wizard}), builds the same core plans as the CLI, and is opened by the shell only through
 * {@code app.actions}. A new wizard is one more entry in {@link #WIZARDS}.
 */
@AnalyzeClasses(packages = "dev.quorum.app", importOptions = ImportOption.DoNotIncludeTests.class)
class WizardArchitectureTest {

    /** One package per wizard, under dev.quorum.app. */
    static final List<String> WIZARDS = List.of("install", "add", "replace", "renew", "recover", "restore", "remove",
            "adopt", "maintenance", "upgrade", "schedule");

    /** The desktop app's parts that are not wizards: they reach a wizard only through ShellActions. */
    private static final List<String> SHELL_PARTS = List.of("shell", "welcome", "cluster", "tasks", "sandbox", "charts",
            "certs", "snapshots", "backups", "kubernetes", "overview");

    private static String[] packages(Stream<String> names) {
        return names.map(name -> "dev.quorum.app." + name + "..").toArray(String[]::new);
    }

    private static String[] wizards() {
        return packages(WIZARDS.stream());
    }

    @ArchTest
    static final ArchRule wizardsAreIndependent = slices().matching("dev.quorum.app.(*)..")
            .that(new DescribedPredicate<Slice>("are wizards") {
                @Override
                public boolean test(Slice slice) {
                    return WIZARDS.contains(slice.getNamePart(1));
                }
            })
            .should().notDependOnEachOther()
            .because("one package per wizard; one wizard opens another only through the shell's ShellActions");

    @ArchTest
    static final ArchRule frameKnowsNoWizard = noClasses()
            .that().resideInAPackage("dev.quorum.app.wizard..")
            .should().dependOnClassesThat().resideInAnyPackage(wizards())
            .because("the frame is shared; each wizard is one package on top of it");

    @ArchTest
    static final ArchRule shellReachesWizardsOnlyThroughActions = noClasses()
            .that().resideInAnyPackage(packages(SHELL_PARTS.stream()))
            .should().dependOnClassesThat().resideInAnyPackage(packages(Stream.concat(Stream.of("wizard"),
                    WIZARDS.stream())))
            .because("the shell and its tabs reach the wizards only through ShellActions (app.actions)");

    @ArchTest
    static final ArchRule wizardsKnowNeitherShellNorCli = noClasses()
            .that().resideInAnyPackage(packages(Stream.concat(Stream.of("wizard"), WIZARDS.stream())))
            .should().dependOnClassesThat().resideInAnyPackage("dev.quorum.app.shell..", "dev.quorum.app.actions..",
                    "dev.quorum.app.cli..")
            .because("a wizard is given what it needs; the wizards and the CLI share core plans and app.common");

    @ArchTest
    static final ArchRule wizardsRunNoLifecycleLogic = noClasses()
            .that().resideInAnyPackage(packages(Stream.concat(Stream.of("wizard"), WIZARDS.stream())))
            .should().dependOnClassesThat().resideInAnyPackage("dev.quorum.core.lifecycle.steps..")
            .orShould().dependOnClassesThat().haveSimpleName("Runner")
            .because("wizards build the same core plans as the CLI and run them through core.engine.PlanRuns");

    @ArchTest
    static final ArchRule cliHasNoUi = noClasses().that().resideInAPackage("dev.quorum.app.cli..")
            .should().dependOnClassesThat().resideInAnyPackage(Stream.concat(
                    Stream.of("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp.."),
                    Stream.of(packages(Stream.concat(Stream.of("wizard", "actions"),
                            Stream.concat(WIZARDS.stream(), SHELL_PARTS.stream()))))).toArray(String[]::new))
            .because("the CLI runs without a display; what it shares with the app lives in app.common");
}
