package dev.quorum.core.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A leader change between two scrapes, from two kinds of evidence: a member's leader-changes counter went up
 * (it saw an election, even one that ended with the same leader), or another member now says it leads. Pure.
 */
final class LeaderChanges {
    private LeaderChanges() {
    }

    /** At most one event: the change as the members tell it. */
    static List<TimelineEvent> between(Optional<String> lastLeader, Map<String, MemberMetrics> previous,
                                       Map<String, MemberMetrics> scraped, Instant at) {
        List<String> sawOne = scraped.entrySet().stream().filter(e -> previous.containsKey(e.getKey())
                        && e.getValue().leaderChanges() > previous.get(e.getKey()).leaderChanges())
                .map(Map.Entry::getKey).sorted().toList();
        Optional<String> now = MetricsHistory.currentLeader(scraped);
        boolean moved = now.isPresent() && lastLeader.isPresent() && !now.equals(lastLeader);
        if (!moved && sawOne.isEmpty()) {
            return List.of();
        }
        StringBuilder text = new StringBuilder("Leader change");
        if (moved) {
            text.append(": ").append(lastLeader.get()).append(" -> ").append(now.get());
        } else if (now.isPresent()) {
            text.append(", leader now ").append(now.get());
        }
        if (!sawOne.isEmpty()) {
            text.append(" (seen by ").append(String.join(", ", sawOne)).append(")");
        }
        return List.of(new TimelineEvent(at, TimelineEvent.Kind.LEADER_CHANGE, text.toString()));
    }
}
