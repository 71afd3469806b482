package dev.quorum.installer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A private X server: Xvfb picks a free display itself (-displayfd) and says which once it is ready. */
final class XvfbDisplay implements AutoCloseable {
    private final Process xvfb;
    private final String display;

    private XvfbDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    static XvfbDisplay start(Duration timeout) {
        try {
            Process p = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> firstLine(p));
            try {
                String number = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (number == null || !number.trim().matches("\\d+")) {
                    throw new IllegalStateException("Xvfb did not report a display (exit " + (p.isAlive() ? "-" : p.exitValue()) + ")");
                }
                return new XvfbDisplay(p, ":" + number.trim());
            } catch (TimeoutException | ExecutionException e) {
                Cmd.kill(p);
                throw new IllegalStateException("Xvfb did not start within " + timeout, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(Process p) {
        try {
            return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code :N}, for DISPLAY. */
    String display() {
        return display;
    }

    /**
     * Whether a visible window with exactly this title, at least {@code minSize} pixels each way, is
     * on the display. The size matters: GTK also makes a 10x10 leader window named after the app.
     */
    boolean hasWindowTitled(String title, int minSize) {
        Cmd.Result tree = Cmd.run(Duration.ofSeconds(20), "xwininfo", "-display", display, "-root", "-tree");
        if (!tree.ok()) {
            return false;
        }
        Pattern line = Pattern.compile("^\\s*(0x[0-9a-f]+) \"" + Pattern.quote(title) + "\": \\(.*\\)\\s+(\\d+)x(\\d+)[+-]");
        for (String l : tree.out().lines().toList()) {
            Matcher m = line.matcher(l);
            if (m.find() && Integer.parseInt(m.group(2)) >= minSize && Integer.parseInt(m.group(3)) >= minSize
                    && isViewable(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    private boolean isViewable(String windowId) {
        Cmd.Result info = Cmd.run(Duration.ofSeconds(20), "xwininfo", "-display", display, "-id", windowId);
        return info.ok() && info.out().contains("Map State: IsViewable");
    }

    @Override
    public void close() {
        try {
            Cmd.kill(xvfb);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
