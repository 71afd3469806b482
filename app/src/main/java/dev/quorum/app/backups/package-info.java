/**
 * The Backups tab: the scheduled backups of the members' hosts (core's BackupOverview: schedule, next run, last
 * result, every host's backups), their health as a badge on the cluster, and Run now (core's backup-run plan
 * through core.engine.PlanRuns, streamed into the Tasks tab).
 */
package dev.quorum.app.backups;
