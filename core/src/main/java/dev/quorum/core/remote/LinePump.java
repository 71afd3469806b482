package dev.quorum.core.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one stream of a remote command: keeps every byte (for the result, and binary reads)
 * and hands complete lines to the listener as soon as they arrive.
 */
final class LinePump implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LinePump.class);

    private final InputStream in;
    private final OutputKind kind;
    private final OutputListener listener;
    /** Shared by the stdout and stderr pumps of one command so listener calls never overlap. */
    private final Object listenerLock;
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private volatile IOException failure;

    LinePump(InputStream in, OutputKind kind, OutputListener listener, Object listenerLock) {
        this.in = in;
        this.kind = kind;
        this.listener = listener;
        this.listenerLock = listenerLock;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
                if (listener != OutputListener.NONE) {
                    split(buffer, n);
                }
            }
            if (line.size() > 0) {
                emit(); // last line without a newline
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Everything read; call after the pump's thread ended. */
    byte[] bytes() throws IOException {
        if (failure != null) {
            throw failure;
        }
        return all.toByteArray();
    }

    private void split(byte[] buffer, int n) {
        for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
                emit();
            } else {
                line.write(buffer[i]);
            }
        }
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        synchronized (listenerLock) {
            try {
                listener.line(kind, text);
            } catch (RuntimeException e) {
                // A failing listener must not stop the draining, or the remote command would block.
                LOG.warn("Output listener failed on a {} line: {}", kind, e.toString());
            }
        }
    }
}
