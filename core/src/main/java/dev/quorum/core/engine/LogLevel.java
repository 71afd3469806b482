package dev.quorum.core.engine;

public enum LogLevel {
    DEBUG, INFO, WARN, ERROR
}
