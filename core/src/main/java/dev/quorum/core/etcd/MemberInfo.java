package dev.quorum.core.etcd;

import java.util.List;

/** A member as the cluster's member list shows it. An added but never started member has no name yet. */
public record MemberInfo(long id, String name, List<String> peerUrls, List<String> clientUrls, boolean learner) {
    public MemberInfo {
        peerUrls = List.copyOf(peerUrls);
        clientUrls = List.copyOf(clientUrls);
    }

    public String idHex() {
        return Long.toHexString(id);
    }

    public boolean started() {
        return !name.isEmpty();
    }
}
