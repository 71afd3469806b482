/** The Disaster recovery wizard: snapshot or survivor, the inventory's hosts, a typed confirmation; {@code quorum restore}'s plan. */
package dev.quorum.app.restore;
