package dev.quorum.core.lifecycle.upgrade;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.DowngradeAction;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** etcd's downgrade API as the steps call it: through the member's JSON gateway (jetcd has no such call). */
final class DowngradeCalls {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private DowngradeCalls() {
    }

    /** How a preview names the call's etcdctl equivalent: etcdctl at one member's client port. */
    static String shown(LifecycleSession session) {
        return "etcdctl --endpoints=<the member>:" + session.settings().layout().clientPort();
    }

    /** The members whose reported version passes {@code running}; an unreachable member fails the step (unknown). */
    static List<EtcdMember> members(LifecycleSession session, Predicate<EtcdVersion> running)
            throws StepFailedException {
        List<EtcdMember> chosen = new ArrayList<>();
        for (EtcdMember member : session.members()) {
            if (running.test(MemberRestart.runningVersion(session, member))) {
                chosen.add(member);
            }
        }
        return chosen;
    }

    /**
     * etcd's downgrade call asked of one member through etcd's JSON gateway, logged with the etcdctl command it
     * stands for; a refusal fails the step with etcd's own reason and {@code hint}.
     */
    static void run(LifecycleSession session, StepContext context, EtcdMember asked, DowngradeAction action,
                    EtcdVersion target, String hint) throws Exception {
        String words = action.etcdctl(target.line());
        context.info(words + "   # asked of " + asked.memberName() + " at " + asked.clientUrl());
        String answer;
        try {
            answer = session.cluster().sharedEtcd().downgrade(asked.clientUrl(), action, target.line())
                    .get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw failure(words, asked.clientUrl(), e.getCause() == null ? e : e.getCause(), hint);
        } catch (TimeoutException e) {
            throw failure(words, asked.clientUrl(), e, hint);
        }
        context.info("etcd: done, cluster version " + JSON.readTree(answer).path("version").asText("not said"));
    }

    /**
     * Why the call failed, in words: etcd's refusal with {@code hint}; no answer in time (ours, or the gateway's
     * HTTP timeout) is unknown, as etcd may have taken the call.
     */
    static StepFailedException failure(String words, String url, Throwable cause, String hint) {
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return new StepFailedException(words + " at " + url + " got no answer in time: whether etcd took it "
                    + "is unknown", "look at quorum status "
                    + "and etcdctl endpoint status -w json on a member (downgradeInfo), then run the same command again",
                    cause);
        }
        return new StepFailedException(words + " at " + url + " failed: " + cause.getMessage(), hint, cause);
    }
}
