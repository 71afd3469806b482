/**
 * The desktop app's frame: launch ({@link dev.quorum.app.shell.DesktopLauncher},
 * {@link dev.quorum.app.shell.QuorumApp}), the main window (navigator, cluster pane, toolbar,
 * status bar), the theme, and {@link dev.quorum.app.shell.ShellActions}: the seam the wizards
 * plug into.
 */
package dev.quorum.app.shell;
