/**
 * The Charts tab: each member's etcd metrics over time (core's {@code metrics}), one line chart per metric, and the
 * timeline of what happened on the same time axis (decision 0039).
 */
package dev.quorum.app.charts;
