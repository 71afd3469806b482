package dev.quorum.app.upgrade;

import dev.quorum.core.lifecycle.upgrade.ObservedMember;
import dev.quorum.core.release.EtcdVersion;

/** One member on the versions page, in words. */
public record MemberRow(String member, String host, String version, String role, String kept) {

    static MemberRow of(ObservedMember m) {
        String role = m.unreachable().map(why -> "no answer: " + why)
                .orElse(!m.healthy() ? "no leader" : m.leader() ? "leader" : "follower");
        return new MemberRow(m.memberName(), m.hostName(), m.version().map(EtcdVersion::toString).orElse("unknown"),
                role, m.keptVersion().map(v -> v + " kept for a rollback").orElse(""));
    }
}
