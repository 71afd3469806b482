/** The Install wizard: hosts, release and settings, preflight with host-key consent; {@code quorum install}'s plan. */
package dev.quorum.app.install;
