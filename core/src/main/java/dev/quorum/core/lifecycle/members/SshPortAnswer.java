package dev.quorum.core.lifecycle.members;

import dev.quorum.core.remote.SshTarget;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a host whose etcd already gave no answer in this run answers a TCP connect on its SSH
 * port within a short wait. A host that is up completes (or refuses) the connect in milliseconds,
 * however busy it is: the kernel answers it. Only silence lasts, and the SSH connect timeout would
 * wait it out in full (5 s by default) for a host the run already knows is cut off (decision 0040).
 * The wait covers one lost and resent SYN (Linux resends after 1 s).
 */
final class SshPortAnswer {
    static final Duration WAIT = Duration.ofMillis(1_500);

    private SshPortAnswer() {
    }

    /** Why the SSH port gave no answer; empty when it answered (connected or refused) or when asked through a jump host. */
    static Optional<String> silence(SshTarget target) {
        if (target.jump().isPresent()) {
            return Optional.empty(); // only the jump host could tell: the SSH connect asks through it
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.address(), target.port()), (int) WAIT.toMillis());
            return Optional.empty();
        } catch (ConnectException refused) {
            // a refusal is an answer: the SSH connect that follows fails at once and says so
            return String.valueOf(refused.getMessage()).contains("refused") ? Optional.empty()
                    : Optional.of(String.valueOf(refused.getMessage()));
        } catch (SocketTimeoutException timedOut) {
            return Optional.of("no answer on " + target.address() + ":" + target.port() + " within "
                    + WAIT.toMillis() + " ms");
        } catch (IOException other) {
            return Optional.of(other.getClass().getSimpleName() + ": " + other.getMessage());
        }
    }
}
