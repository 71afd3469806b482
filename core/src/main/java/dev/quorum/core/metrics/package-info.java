/**
 * etcd's own metrics over time: each member's {@code /metrics} scraped over TLS (through the session's SSH tunnel
 * where the client port is not reached), parsed ({@link dev.quorum.core.metrics.PromTextParser}), turned into the
 * series the app charts and kept with a bound ({@link dev.quorum.core.metrics.MetricsHistory}); the timeline's
 * events beside them (decision 0039).
 */
package dev.quorum.core.metrics;
