package io.github.policydsl.k8s.assertj;

import io.github.policydsl.api.Condition;
import io.github.policydsl.k8s.ContainerRef;
import io.github.policydsl.k8s.condition.ContainerConditions;
import org.assertj.core.api.AbstractAssert;

import java.util.List;

/** AssertJ assertions on one container of a pod template. */
public class ContainerAssert extends AbstractAssert<ContainerAssert, ContainerRef> {

    /**
     * Creates the assertion.
     *
     * @param actual the container
     */
    public ContainerAssert(ContainerRef actual) {
        super(actual, ContainerAssert.class);
    }

    /**
     * Verifies a container condition and fails with its violations.
     *
     * @param condition the condition
     * @return this
     */
    public ContainerAssert satisfies(Condition<? super ContainerRef> condition) {
        isNotNull();
        List<String> bad = ConditionMessages.violations(condition, actual);
        if (!bad.isEmpty()) {
            failWithMessage("%nExpecting %s%nto %s, but:%n%s", actual.ref().display(), condition.description(),
                    String.join("\n", bad));
        }
        return this;
    }

    /** Effective runAsNonRoot is true. */
    public ContainerAssert runsAsNonRoot() {
        return satisfies(ContainerConditions.runAsNonRoot());
    }

    /** Drops all capabilities. */
    public ContainerAssert dropsAllCapabilities() {
        return satisfies(ContainerConditions.dropAllCapabilities());
    }

    /** Not privileged. */
    public ContainerAssert isNotPrivileged() {
        return satisfies(ContainerConditions.notBePrivileged());
    }

    /** Read-only root filesystem. */
    public ContainerAssert hasReadOnlyRootFilesystem() {
        return satisfies(ContainerConditions.haveReadOnlyRootFilesystem());
    }

    /** CPU and memory limits. */
    public ContainerAssert hasResourceLimits() {
        return satisfies(ContainerConditions.haveResourceLimits());
    }

    /** A memory limit. */
    public ContainerAssert hasMemoryLimit() {
        isNotNull();
        var r = actual.container().getResources();
        if (r == null || r.getLimits() == null || r.getLimits().get("memory") == null) {
            failWithMessage("%nExpecting %s%nto have a memory limit, but %s.resources.limits.memory is unset",
                    actual.ref().display(), actual.path());
        }
        return this;
    }
}
