package dev.quorum.app.common;

import dev.quorum.core.ActionableError;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** A failure of background work in words for a view: the cause's own message, and what to do when it says. */
public final class ErrorWords {
    private ErrorWords() {
    }

    public static String describe(Throwable error) {
        Throwable e = error;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof ActionableError a && !a.hint().isBlank() ? message + " - " + a.hint() : message;
    }
}
