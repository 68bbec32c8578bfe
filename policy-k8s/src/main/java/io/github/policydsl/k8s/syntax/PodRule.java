package io.github.policydsl.k8s.syntax;

import io.github.policydsl.api.Condition;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.k8s.ContainerRef;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.PodTemplate;
import io.github.policydsl.k8s.condition.PodConditions;
import io.github.policydsl.k8s.pss.PodSecurityConditions;
import io.github.policydsl.k8s.pss.PssLevel;
import io.github.policydsl.k8s.pss.PssVersion;

/**
 * A rule over pod templates: {@code pods().must().runAsNonRoot().dropAll()}. Container conditions
 * must hold for every container, init container and ephemeral container. Immutable.
 */
public final class PodRule extends WorkloadRule<PodTemplate, PodRule> {

    PodRule(RuleSpec<Manifests, PodTemplate> spec) {
        super(spec);
    }

    @Override
    protected PodRule copy(RuleSpec<Manifests, PodTemplate> newSpec) {
        return new PodRule(newSpec);
    }

    @Override
    protected Condition<PodTemplate> lift(Condition<ContainerRef> condition) {
        return PodConditions.forEachContainer(condition);
    }

    /** None of {@code hostNetwork}, {@code hostPID}, {@code hostIPC}. */
    public PodRule notShareHostNamespaces() {
        return with(PodConditions.notShareHostNamespaces());
    }

    /** Not {@code hostNetwork: true}. */
    public PodRule notUseHostNetwork() {
        return with(PodConditions.notUseHostNetwork());
    }

    /** Not {@code hostPID: true}. */
    public PodRule notUseHostPID() {
        return with(PodConditions.notUseHostPID());
    }

    /** Not {@code hostIPC: true}. */
    public PodRule notUseHostIPC() {
        return with(PodConditions.notUseHostIPC());
    }

    /** {@code automountServiceAccountToken: false} on the pod or, when unset there, on its ServiceAccount. */
    public PodRule notAutomountServiceAccountToken() {
        return with(PodConditions.notAutomountServiceAccountToken());
    }

    /**
     * {@code runtimeClassName} is one of the given sandboxed runtimes.
     *
     * @param names allowed runtime classes, e.g. {@code "gvisor", "kata"}
     * @return a new rule
     */
    public PodRule useRuntimeClass(String... names) {
        return with(PodConditions.useRuntimeClass(names));
    }

    /**
     * Meets a Pod Security Standard at its newest version, exactly as the admission controller
     * decides.
     *
     * @param level baseline or restricted
     * @return a new rule
     */
    public PodRule meetPodSecurity(PssLevel level) {
        return with(PodSecurityConditions.meet(level, PssVersion.latest()));
    }

    /**
     * Meets a Pod Security Standard at a version.
     *
     * @param level baseline or restricted
     * @param version e.g. {@code PssVersion.parse("v1.30")}
     * @return a new rule
     */
    public PodRule meetPodSecurity(PssLevel level, PssVersion version) {
        return with(PodSecurityConditions.meet(level, version));
    }
}
