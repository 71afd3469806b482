/** The Replace member wizard: the member leaving and the host joining; {@code quorum replace}'s plan. */
package dev.quorum.app.replace;
