package io.github.policydsl.k8s.assertj;

import io.github.policydsl.api.Condition;
import io.github.policydsl.api.Policy;
import io.github.policydsl.api.Rule;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.k8s.ContainerRef;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.PodTemplate;
import io.github.policydsl.k8s.condition.ContainerConditions;
import io.github.policydsl.k8s.condition.PodConditions;
import io.github.policydsl.k8s.pss.PodSecurityConditions;
import io.github.policydsl.k8s.pss.PssLevel;
import io.github.policydsl.k8s.pss.PssVersion;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.stream.Collectors;

/**
 * AssertJ assertions on a pod template (a Pod or the template of any workload). Failure messages
 * name the object, the containers and the fields, never fabric8's {@code toString}:
 *
 * <pre>
 * Expecting Deployment prod/web
 * to run as non-root, but:
 *   - container "app" may run as root: runAsNonRoot is unset on the container and the pod [spec.template.spec.containers[0].securityContext.runAsNonRoot]
 * </pre>
 */
public class PodAssert extends AbstractAssert<PodAssert, PodTemplate> {

    /**
     * Creates the assertion; use {@link K8sAssertions#assertThat(io.fabric8.kubernetes.api.model.HasMetadata)}.
     *
     * @param actual the pod template
     */
    public PodAssert(PodTemplate actual) {
        super(actual, PodAssert.class);
    }

    /**
     * Verifies a pod condition and fails with its violations.
     *
     * @param condition the condition
     * @return this
     */
    public PodAssert satisfies(Condition<? super PodTemplate> condition) {
        isNotNull();
        List<String> bad = ConditionMessages.violations(condition, actual);
        if (!bad.isEmpty()) {
            failWithMessage("%nExpecting %s%nto %s, but:%n%s", actual.ref().display(), condition.description(),
                    String.join("\n", bad));
        }
        return this;
    }

    private PodAssert everyContainer(Condition<ContainerRef> c) {
        return satisfies(PodConditions.forEachContainer(c));
    }

    /** Every container runs as non-root (effective runAsNonRoot true). */
    public PodAssert runsAsNonRoot() {
        return everyContainer(ContainerConditions.runAsNonRoot());
    }

    /** Every container drops all capabilities. */
    public PodAssert dropsAllCapabilities() {
        return everyContainer(ContainerConditions.dropAllCapabilities());
    }

    /** No container is privileged. */
    public PodAssert isNotPrivileged() {
        return everyContainer(ContainerConditions.notBePrivileged());
    }

    /** Every container disallows privilege escalation. */
    public PodAssert doesNotAllowPrivilegeEscalation() {
        return everyContainer(ContainerConditions.notAllowPrivilegeEscalation());
    }

    /** Every container has a read-only root filesystem. */
    public PodAssert hasReadOnlyRootFilesystem() {
        return everyContainer(ContainerConditions.haveReadOnlyRootFilesystem());
    }

    /** Every container uses the RuntimeDefault or a Localhost seccomp profile. */
    public PodAssert usesSeccompProfile() {
        return everyContainer(ContainerConditions.useSeccompProfile());
    }

    /** Every container (but ephemeral ones) sets CPU and memory limits. */
    public PodAssert hasResourceLimits() {
        return everyContainer(ContainerConditions.haveResourceLimits());
    }

    /** Every image is pinned by digest. */
    public PodAssert usesImagesPinnedByDigest() {
        return everyContainer(ContainerConditions.useImagePinnedByDigest());
    }

    /** The pod shares none of the host's namespaces. */
    public PodAssert doesNotShareHostNamespaces() {
        return satisfies(PodConditions.notShareHostNamespaces());
    }

    /**
     * The pod meets a Pod Security Standard at its newest version.
     *
     * @param level the level
     * @return this
     */
    public PodAssert meetsPodSecurity(PssLevel level) {
        return satisfies(PodSecurityConditions.meet(level, PssVersion.latest()));
    }

    /**
     * The pod's object complies with a policy (no FAIL or ERROR among the results about it).
     *
     * @param policy the policy
     * @return this
     */
    public PodAssert compliesWith(Policy<Manifests> policy) {
        isNotNull();
        return failIfViolated("comply with policy " + policy.name(), policy.evaluate(actual.manifests()));
    }

    /**
     * The pod's object complies with a rule.
     *
     * @param rule the rule
     * @return this
     */
    public PodAssert compliesWith(Rule<Manifests> rule) {
        isNotNull();
        return failIfViolated("comply with rule " + rule.id(), rule.evaluate(actual.manifests()));
    }

    private PodAssert failIfViolated(String what, Report report) {
        List<Violation> bad = report.violations(Outcome.FAIL, Outcome.ERROR).stream()
                .filter(v -> v.subject().kind().equals(actual.kind()) && v.subject().name().equals(actual.name()))
                .toList();
        if (!bad.isEmpty()) {
            failWithMessage("%nExpecting %s%nto %s, but:%n%s", actual.ref().display(), what,
                    bad.stream().map(v -> "  - " + v.ruleId() + ": " + v.message() + " [" + v.path() + "]")
                            .collect(Collectors.joining("\n")));
        }
        return this;
    }

    /**
     * Assertions on one container, in any slot, by name.
     *
     * @param name the container name
     * @return assertions on the container
     */
    public ContainerAssert container(String name) {
        isNotNull();
        for (ContainerRef c : actual.containers()) {
            if (c.name().equals(name)) {
                return new ContainerAssert(c);
            }
        }
        failWithMessage("%nExpecting %s%nto have a container named \"%s\", but its containers are %s",
                actual.ref().display(), name, actual.containers().stream().map(c -> "\"" + c.name() + "\"").toList());
        return null;
    }
}
