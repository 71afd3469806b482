package dev.quorum.core.lifecycle.renew;

/** What the hosts' CA files hold during a CA rotation. */
enum Trust {
    /** The new CA then the old one: members accept certificates from either. */
    OLD_AND_NEW,
    /** The new CA alone: the old one is no longer trusted anywhere. */
    NEW_ONLY
}
