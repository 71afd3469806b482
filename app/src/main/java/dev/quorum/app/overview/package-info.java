/**
 * Every cluster at a glance: when the workstation knows two clusters or more, the first screen shows one card each
 * (health, versions, backup freshness, soonest certificate expiry, last run) that opens its cluster.
 */
package dev.quorum.app.overview;
