/** The first screen, when no cluster is open: open an inventory, create a cluster, or try the local sandbox. */
package dev.quorum.app.welcome;
