package dev.quorum.core.lifecycle.recover;

import java.util.List;

/** One entry of a member list as a host's own member sees it ({@code etcdctl member list}). */
public record ListedMember(String id, String name, List<String> peerUrls, boolean learner) {
    public ListedMember {
        peerUrls = List.copyOf(peerUrls);
    }
}
