/**
 * A run in words, once for every face (decision 0028): {@link dev.quorum.core.engine.report.TargetState} is
 * the typed status of one step on one target with its one word, {@link dev.quorum.core.engine.report.RunLines}
 * renders run events as {@link dev.quorum.core.engine.report.LogLine}s, {@link dev.quorum.core.engine.report.RunVerdict}
 * says the counts and the verdict, and {@link dev.quorum.core.engine.report.CappedBuffer} carries lines (or events)
 * from the run's threads to whoever shows them, keeping only the newest. The CLI and the app lay them out; neither
 * words a run itself.
 */
package dev.quorum.core.engine.report;
