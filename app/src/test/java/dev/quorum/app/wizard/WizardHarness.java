package dev.quorum.app.wizard;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives a wizard in its own Stage, headless: opens it, clicks and types as a user would, and
 * waits (bounded) for background work to show up on screen.
 */
public class WizardHarness extends FxRobot {
    private Stage stage;

    public static void boot() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    public Stage open(Supplier<Stage> opener) throws Exception {
        stage = WaitForAsyncUtils.asyncFx(opener::get).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return stage;
    }

    public void close() throws Exception {
        if (stage != null) {
            WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(30, TimeUnit.SECONDS);
        }
    }

    public Stage stage() {
        return stage;
    }

    /** Clicks into the field and types the text, replacing what was there. */
    public void type(String query, String text) {
        TextInputControl field = lookup(query).queryAs(TextInputControl.class);
        clickOn(field);
        interact(field::selectAll);
        if (text.isEmpty()) {
            type(javafx.scene.input.KeyCode.BACK_SPACE);
        } else {
            write(text);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    public void click(String query) {
        clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    public boolean enabled(String query) {
        return !lookup(query).query().isDisabled();
    }

    public boolean shown(String query) {
        Node node = lookup(query).tryQuery().orElse(null);
        return node != null && node.isVisible() && node.getScene() != null;
    }

    public String text(String query) {
        Node node = lookup(query).query();
        return node instanceof Labeled labeled ? labeled.getText()
                : node instanceof TextInputControl input ? input.getText() : node.toString();
    }

    /** The items of a list (e.g. a result's problems), for a failure message. */
    public String items(String query) {
        Node node = lookup(query).query();
        return node instanceof javafx.scene.control.ListView<?> list ? String.valueOf(list.getItems()) : node.toString();
    }

    /** The newest run log's last lines, for a failure message: which step failed on which host, and why. */
    public static String newestRunLogTail(java.nio.file.Path runs) {
        try (var files = java.nio.file.Files.list(runs)) {
            java.nio.file.Path newest = files.max(java.util.Comparator.comparing(java.nio.file.Path::getFileName))
                    .orElseThrow();
            java.util.List<String> lines = java.nio.file.Files.readAllLines(newest);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (java.io.IOException | java.util.NoSuchElementException e) {
            return "(no run log under " + runs + ": " + e + ")";
        }
    }

    /** Waits until the condition (checked on the FX thread) holds, failing after {@code timeout}. */
    public void waitUntil(String what, Duration timeout, Callable<Boolean> condition) {
        waitUntil(what, timeout, condition, () -> "");
    }

    /** Like {@link #waitUntil(String, Duration, Callable)}; on timeout the failure shows {@code details}. */
    public void waitUntil(String what, Duration timeout, Callable<Boolean> condition, Callable<Object> details) {
        try {
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            String shown;
            try {
                shown = String.valueOf(WaitForAsyncUtils.asyncFx(details).get(10, TimeUnit.SECONDS));
            } catch (Exception ignored) {
                shown = "(details not available)";
            }
            throw new AssertionError("waited " + timeout.toSeconds() + " s for: " + what + "; " + shown, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** From the last page: Next to the review, the plan run, and the result's headline once it ends. */
    public String reviewAndRun(Duration review, Duration run) {
        next(Duration.ofSeconds(30));
        awaitReview(review);
        return runToResult(run);
    }

    /** On the review page: waits until the plan is ready to run (Next enabled), failing with the review's words. */
    public void awaitReview(Duration timeout) {
        waitUntil("plan reviewed", timeout, () -> shown("#reviewHeadline") && enabled("#next"),
                () -> text("#reviewHeadline") + " " + text("#reviewProblem"));
    }

    /** From the review page: Next runs the plan; the result's headline once the run ends. */
    public String runToResult(Duration timeout) {
        click("#next");
        return awaitResult("run finished", timeout);
    }

    /** Waits for the result page (a run that ended, was cancelled or failed) and returns its headline. */
    public String awaitResult(String what, Duration timeout) {
        waitUntil(what, timeout, () -> shown("#resultHeadline") && !text("#resultHeadline").isEmpty(),
                () -> text("#runCurrent"));
        return text("#resultHeadline");
    }

    /** Next, once it is enabled (waiting for background checks). */
    public void next(Duration timeout) {
        waitUntil("Next enabled", timeout, () -> enabled("#next"));
        click("#next");
    }
}
