package dev.quorum.app.cluster;

import java.util.function.Consumer;

/** What a member's context menu does, in the picture and in the Members table, given the member's name. */
public record MemberActions(Consumer<String> replace, Consumer<String> remove) {

    /** Nothing on either item: for views shown without a shell (benchmarks, screenshots). */
    public static MemberActions none() {
        return new MemberActions(m -> { }, m -> { });
    }
}
