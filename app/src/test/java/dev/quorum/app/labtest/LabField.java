package dev.quorum.app.labtest;

import dev.quorum.lab.Lab;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The lab a {@code @LabHosts} class was given, read from its {@code static Lab} field: the shared set-ups
 * ({@code CliLabCluster}, {@link DesktopLabCluster}) are registered on another static field and run after
 * {@code @LabHosts}' extension has booted the lab and filled that one.
 */
public final class LabField {
    private LabField() {
    }

    /** The lab in {@code testClass}'s static Lab field; refused when there is none or it is not filled yet. */
    public static Lab of(Class<?> testClass, Class<?> setUp) throws IllegalAccessException {
        List<Field> fields = ReflectionSupport.findFields(testClass,
                f -> f.getType() == Lab.class && Modifier.isStatic(f.getModifiers()), HierarchyTraversalMode.TOP_DOWN);
        if (fields.isEmpty()) {
            throw new IllegalStateException(testClass.getSimpleName() + " needs @LabHosts and a static Lab field");
        }
        Field field = fields.get(0);
        field.setAccessible(true);
        Lab lab = (Lab) field.get(null);
        if (lab == null) {
            throw new IllegalStateException("no lab in " + testClass.getSimpleName() + "." + field.getName()
                    + " yet: register " + setUp.getSimpleName() + " on a static field of a @LabHosts class");
        }
        return lab;
    }
}
