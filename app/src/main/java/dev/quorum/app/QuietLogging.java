package dev.quorum.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;

/**
 * Quorum's logging set-up, in code rather than a logback.xml: the CLI and the app talk to the user through their own
 * output; library chatter goes to stderr only when it matters. Found by logback as a service before it looks for XML,
 * so a command's start does not load logback's XML configurator and a SAX parser (about 650 classes, 50 ms of the
 * main thread before a command's first line; decision 0060). {@code -Dlogback.configurationFile=FILE} still wins.
 */
public final class QuietLogging extends ContextAwareBase implements Configurator {
    /** Libraries that log what Quorum reports in its own words (or not at all). */
    private static final List<String> SILENCED = List.of("io.grpc", "io.netty", "io.etcd.jetcd", "net.schmizz",
            "com.hierynomus");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%-5level %logger{20}: %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.ERROR);
        root.addAppender(stderr);
        SILENCED.forEach(name -> context.getLogger(name).setLevel(Level.OFF));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
