/** The Add members wizard: inventory hosts that are not members; {@code quorum add}'s plans, one host after the other. */
package dev.quorum.app.add;
