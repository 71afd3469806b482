/**
 * A local sandbox: a real three-member TLS etcd cluster on this machine's loopback
 * (127.77.0.1-3), so the app and the CLI can be tried without servers. Its start, stop and reset
 * are plans of ordinary steps (check, apply, verify), run and logged like any life-cycle.
 */
package dev.quorum.core.sandbox;
