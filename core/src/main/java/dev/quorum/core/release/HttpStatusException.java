package dev.quorum.core.release;

import java.io.IOException;

/** The server answered, but not with the file: any status but 200. */
final class HttpStatusException extends IOException {
    private final int status;

    HttpStatusException(int status) {
        super("the server answered HTTP status " + status);
        this.status = status;
    }

    int status() {
        return status;
    }
}
