/**
 * The Schedule backups and Unschedule backups wizards: {@code quorum backup schedule} / {@code unschedule}'s
 * plans (core's BackupPlans), opened from the Backups tab through the shell's actions.
 */
package dev.quorum.app.schedule;
