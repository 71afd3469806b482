package dev.quorum.lab;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * JUnit 5 side of {@link LabHosts}: one lab per test class, injected into fields and parameters
 * of type {@link Lab}. Skips (with the reason printed) when not root, because namespaces need it;
 * as root a missing tool is a failure, so CI cannot silently skip the lab.
 */
public final class LabExtension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback,
        TestInstancePostProcessor, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LabExtension.class);
    private static final String KEY = "lab";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (LabPreconditions.isRoot()) {
            return ConditionEvaluationResult.enabled("running as root");
        }
        if (context.getTestMethod().isEmpty()) {
            // the one place we print rather than log: whoever reads the test output must see it
            System.out.println("SKIPPED " + context.getDisplayName() + ": " + LabPreconditions.NOT_ROOT);
        }
        return ConditionEvaluationResult.disabled(LabPreconditions.NOT_ROOT);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        Lab lab = startedLab(context);
        Class<?> testClass = context.getRequiredTestClass();
        for (Field field : labFields(testClass)) {
            if (Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                field.set(null, lab);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // remove() only sees this class's own store: a @Nested class never closes the outer lab
        Lab lab = context.getStore(NS).remove(KEY, Lab.class);
        if (lab != null) {
            lab.close();
        }
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context)
            throws IllegalAccessException {
        // with @TestInstance(PER_CLASS) the instance comes before beforeAll: the lab starts here then
        Lab lab = startedLab(context);
        for (Field field : labFields(testInstance.getClass())) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                field.set(testInstance, lab);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Lab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return lab(extensionContext);
    }

    private static Lab lab(ExtensionContext context) {
        Lab lab = context.getStore(NS).get(KEY, Lab.class);
        if (lab == null) {
            throw new ExtensionConfigurationException("no lab: is the class annotated with @LabHosts?");
        }
        return lab;
    }

    /** The lab of this class, or of its outer class for a @Nested one; started when there is none yet. */
    private static Lab startedLab(ExtensionContext context) {
        Lab lab = context.getStore(NS).get(KEY, Lab.class);
        if (lab == null) {
            lab = Lab.start(hostCount(context));
            context.getStore(NS).put(KEY, lab);   // stored first: afterAll closes it even if injection fails
        }
        return lab;
    }

    private static int hostCount(ExtensionContext context) {
        Optional<LabHosts> annotation = AnnotationSupport.findAnnotation(context.getRequiredTestClass(),
                LabHosts.class);
        return annotation.map(LabHosts::count).orElse(3);
    }

    private static List<Field> labFields(Class<?> type) {
        return ReflectionSupport.findFields(type, f -> f.getType() == Lab.class,
                HierarchyTraversalMode.TOP_DOWN);
    }
}
