package dev.quorum.app.shell;

import java.util.Map;
import java.util.Optional;

/** Whether a window can open here: an X11 or Wayland display, or JavaFX's headless Monocle. */
public final class DisplayCheck {
    private DisplayCheck() {
    }

    /** Empty when a display is there; else what to do about it. */
    public static Optional<String> problem(Map<String, String> env, String glassPlatform) {
        if ("Monocle".equalsIgnoreCase(glassPlatform) || set(env.get("DISPLAY")) || set(env.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of("no display for the desktop app (neither DISPLAY nor WAYLAND_DISPLAY is set). "
                + "Run it in a desktop session, over `ssh -X`, or with a virtual screen: xvfb-run quorum gui. "
                + "Everything it does is also in the command line:");
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
