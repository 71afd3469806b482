package dev.quorum.core.metrics;

import java.util.Optional;

/** One member's answer to a scrape: its metrics, or why they could not be read (unreachable, TLS, HTTP, format). */
public record MemberScrape(String member, Optional<MemberMetrics> metrics, Optional<String> problem) {
    public static MemberScrape read(String member, MemberMetrics metrics) {
        return new MemberScrape(member, Optional.of(metrics), Optional.empty());
    }

    public static MemberScrape failed(String member, String problem) {
        return new MemberScrape(member, Optional.empty(), Optional.of(problem));
    }
}
