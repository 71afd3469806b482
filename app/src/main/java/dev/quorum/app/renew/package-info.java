/** The Renew certificates wizard: which members, which certificates; {@code quorum certs renew}'s plan. */
package dev.quorum.app.renew;
