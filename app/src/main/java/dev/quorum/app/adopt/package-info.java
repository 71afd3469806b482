/** The Adopt wizard: take over a cluster Kubespray installed; {@code quorum adopt}'s plan. */
package dev.quorum.app.adopt;
