package dev.quorum.core.lifecycle.upgrade;

/**
 * What {@code etcdutl check v2store} says about a 3.5 member's data: etcd 3.6 refuses to start on custom v2
 * content ("detected disallowed v2 WAL").
 */
public enum V2Store {
    /** Not asked: the member is not on its way from 3.5 to 3.6. */
    NOT_CHECKED,
    /** "No custom content found in both v2store and WAL records." */
    CLEAN,
    /** Only the WAL holds v2 records: a snapshot (a restart with ETCD_SNAPSHOT_COUNT=1) clears them. */
    WAL_ONLY,
    /** The v2 store itself holds custom content: 3.6 cannot start on it. */
    V2_DATA,
    /** The check could not run (no etcdutl of 3.5.32 or later on the host, or it failed otherwise). */
    UNKNOWN
}
