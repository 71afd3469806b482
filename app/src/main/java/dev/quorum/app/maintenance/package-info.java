/**
 * The Maintenance wizard: each member's database size, in-use size and alarms, a choice of
 * compact, defragment, or free space and disarm NOSPACE, then {@code quorum maintain}'s plan
 * through the shared review / run / result pages.
 */
package dev.quorum.app.maintenance;
