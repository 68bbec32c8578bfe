package io.github.policydsl.k8s.syntax;

import io.github.policydsl.api.Condition;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.api.syntax.SubjectRule;
import io.github.policydsl.api.Subject;
import io.github.policydsl.k8s.ContainerRef;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.condition.ContainerConditions;

/**
 * Condition methods shared by pod and container rules: every container setting of the secure pod
 * specification. On pod rules they must hold for every container in every slot.
 *
 * @param <T> the subject type
 * @param <SELF> the concrete rule type
 */
public abstract class WorkloadRule<T extends Subject, SELF extends WorkloadRule<T, SELF>>
        extends SubjectRule<Manifests, T, SELF> {

    /**
     * Creates a rule.
     *
     * @param spec the state
     */
    protected WorkloadRule(RuleSpec<Manifests, T> spec) {
        super(spec);
    }

    /**
     * Turns a container condition into one on this rule's subjects.
     *
     * @param condition the container condition
     * @return the condition on subjects
     */
    protected abstract Condition<T> lift(Condition<ContainerRef> condition);

    /** {@code runAsNonRoot: true}, effective (container over pod). */
    public SELF runAsNonRoot() {
        return with(lift(ContainerConditions.runAsNonRoot()));
    }

    /** The effective {@code runAsUser} is not 0. */
    public SELF notRunAsUid0() {
        return with(lift(ContainerConditions.notRunAsUid0()));
    }

    /** seccomp {@code RuntimeDefault} or {@code Localhost}, effective; never unset or Unconfined. */
    public SELF useSeccompProfile() {
        return with(lift(ContainerConditions.useSeccompProfile()));
    }

    /** {@code allowPrivilegeEscalation: false} and not privileged. */
    public SELF notAllowPrivilegeEscalation() {
        return with(lift(ContainerConditions.notAllowPrivilegeEscalation()));
    }

    /** {@code readOnlyRootFilesystem: true}. */
    public SELF haveReadOnlyRootFilesystem() {
        return with(lift(ContainerConditions.haveReadOnlyRootFilesystem()));
    }

    /** {@code capabilities.drop} contains {@code ALL}. */
    public SELF dropAll() {
        return with(lift(ContainerConditions.dropAllCapabilities()));
    }

    /** Same as {@link #dropAll()}. */
    public SELF dropAllCapabilities() {
        return dropAll();
    }

    /** Not {@code privileged: true}. */
    public SELF notBePrivileged() {
        return with(lift(ContainerConditions.notBePrivileged()));
    }

    /** CPU and memory limits (ephemeral containers skipped). */
    public SELF haveResourceLimits() {
        return with(lift(ContainerConditions.haveResourceLimits()));
    }

    /** CPU and memory requests, explicit or defaulted from limits (ephemeral containers skipped). */
    public SELF haveResourceRequests() {
        return with(lift(ContainerConditions.haveResourceRequests()));
    }

    /** Images pinned by digest. */
    public SELF useImagePinnedByDigest() {
        return with(lift(ContainerConditions.useImagePinnedByDigest()));
    }

    /** No {@code latest} tag and no untagged image. */
    public SELF notUseLatestTag() {
        return with(lift(ContainerConditions.notUseLatestTag()));
    }

    /**
     * A custom container condition (on pod rules: for every container).
     *
     * @param condition the condition
     * @return a new rule
     */
    public SELF haveContainers(Condition<ContainerRef> condition) {
        return with(lift(condition));
    }
}
