package dev.quorum.core;

/** An error whose message says what is wrong and whose hint says what the user should do next. */
public interface ActionableError {
    String hint();
}
