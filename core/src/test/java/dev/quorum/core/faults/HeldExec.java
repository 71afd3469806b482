package dev.quorum.core.faults;

import dev.quorum.lab.LabHost;
import java.time.Duration;

/**
 * Holds a binary at its start: the binary is swapped for a script that says it was called and
 * waits until {@link #resume} has put the original back, then runs it with the same arguments.
 * No polling, so even a command that ends in milliseconds ({@code etcdutl snapshot restore} of a
 * small snapshot) is caught every time. Swap it in only after the steps that check the binaries.
 */
final class HeldExec {
    private static final String DIR = "/run/quorum-held-exec";
    private static final int WAIT_TENTHS = 1200;

    private final LabHost host;
    private final String binary;

    private HeldExec(LabHost host, String binary) {
        this.host = host;
        this.binary = binary;
    }

    /** Swaps {@code binary} (an absolute path without spaces or quotes) for the holding script. */
    static HeldExec arm(LabHost host, String binary) {
        if (!binary.matches("/[A-Za-z0-9._/-]+")) {
            throw new IllegalArgumentException("a plain absolute path: " + binary);
        }
        String script = String.join("\n",
                "#!/bin/sh",
                "echo $$ > " + DIR + "/fired",
                "i=0",
                "while [ ! -e " + DIR + "/resumed ] && [ $i -lt " + WAIT_TENTHS + " ]; do sleep 0.1; i=$((i+1)); done",
                "exec " + binary + " \"$@\"",
                "");
        host.exec("rm -rf " + DIR + " && mkdir -p " + DIR).requireOk("prepare the hold on " + host.name());
        host.writeFile(DIR + "/script", script);
        host.exec(String.join(" && ", "cp -p " + binary + " " + original(binary),
                "cp " + DIR + "/script " + binary + ".held", "chmod 755 " + binary + ".held",
                "mv -f " + binary + ".held " + binary)).requireOk("hold " + binary + " on " + host.name());
        return new HeldExec(host, binary);
    }

    private static String original(String binary) {
        return binary + ".before-hold";
    }

    /** Waits until the binary was called; false if it was not within {@code timeout}. */
    boolean awaitCaught(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (caught()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    boolean caught() {
        return host.fileExists(DIR + "/fired");
    }

    /**
     * Puts the original back (one rename: the waiting script keeps its own open copy), then lets it
     * go on. Through nsenter, so the host need not be reachable; safe to call twice.
     */
    void resume() {
        host.exec("if [ -e " + original(binary) + " ]; then mv -f " + original(binary) + " " + binary + "; fi && touch "
                + DIR + "/resumed").requireOk("put " + binary + " back on " + host.name());
    }
}
