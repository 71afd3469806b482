/** The Remove member wizard: the member leaving, its quorum arithmetic and the data-dir warning; {@code quorum remove}'s plan. */
package dev.quorum.app.remove;
