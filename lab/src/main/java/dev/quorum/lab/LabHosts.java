package dev.quorum.lab;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a {@link Lab} of {@link #count()} hosts, booted before all its tests and torn
 * down after them (also on failure). Inject it as a field or parameter of type {@link Lab}.
 * Skipped when not root; fails when root but a tool is missing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LabExtension.class)
public @interface LabHosts {

    int count() default 3;
}
