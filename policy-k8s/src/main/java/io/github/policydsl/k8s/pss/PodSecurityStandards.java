package io.github.policydsl.k8s.pss;

import io.github.policydsl.api.Policy;
import io.github.policydsl.api.Severity;
import io.github.policydsl.k8s.Manifests;

import java.util.Objects;

import static io.github.policydsl.k8s.K8sRules.pods;

/**
 * The Pod Security Standards as policies: every pod template of the input (Pod, Deployment,
 * ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, ReplicationController, PodTemplate), in every
 * container slot including {@code ephemeralContainers}, evaluated exactly as the Pod Security
 * admission controller evaluates a pod at a level and version.
 *
 * <pre>{@code
 * Report report = PodSecurityStandards.restricted().evaluate(manifests);
 * PodSecurityStandards.baseline(PssVersion.parse("v1.30")).check(manifests); // throws on violation
 * }</pre>
 *
 * <p><b>Rules.</b> Each policy holds one rule, whose id depends on the level only:
 * {@value #BASELINE_RULE_ID} or {@value #RESTRICTED_RULE_ID} (and {@code k8s.pss.privileged}, which
 * allows everything). The id does not change with the version, so exemptions and baselines keyed by
 * rule id survive a version change; the version is in the policy version and in every message.
 * A pod template that fails several checks gives one violation per check. Each violation's message
 * names the level and version, the upstream check id and the admission controller's forbidden
 * reason and detail, for example
 * {@code violates PodSecurity "restricted:latest": runAsNonRoot: runAsNonRoot != true (pod or
 * container "app" must set securityContext.runAsNonRoot=true)}; its field path is the first
 * offending field, resolved in the owning object ({@code spec.template.spec.containers[0]...}), and
 * its line and column those of that field or its nearest existing ancestor. The rules pass when the
 * input has no pod template at all.
 *
 * <p>The same rule in the DSL, for example restricted to a namespace:
 * {@code pods().that().areInNamespace("x").must().meetPodSecurity(PssLevel.RESTRICTED)}.
 *
 * <p>Policies are immutable and thread-safe; the factory methods may return shared instances.
 */
public final class PodSecurityStandards {

    /** The rule id of the baseline policies. */
    public static final String BASELINE_RULE_ID = "k8s.pss.baseline";
    /** The rule id of the restricted policies. */
    public static final String RESTRICTED_RULE_ID = "k8s.pss.restricted";

    private static final Policy<Manifests> BASELINE_LATEST = build(PssLevel.BASELINE, PssVersion.latest());
    private static final Policy<Manifests> RESTRICTED_LATEST = build(PssLevel.RESTRICTED, PssVersion.latest());

    private PodSecurityStandards() {
    }

    /**
     * The baseline standard at {@code latest}.
     *
     * @return the {@code pss-baseline} policy
     */
    public static Policy<Manifests> baseline() {
        return BASELINE_LATEST;
    }

    /**
     * The restricted standard at {@code latest}.
     *
     * @return the {@code pss-restricted} policy
     */
    public static Policy<Manifests> restricted() {
        return RESTRICTED_LATEST;
    }

    /**
     * The baseline standard at a version.
     *
     * @param version e.g. {@code PssVersion.parse("v1.24")}
     * @return the {@code pss-baseline} policy at that version
     */
    public static Policy<Manifests> baseline(PssVersion version) {
        return of(PssLevel.BASELINE, version);
    }

    /**
     * The restricted standard at a version.
     *
     * @param version e.g. {@code PssVersion.parse("v1.24")}
     * @return the {@code pss-restricted} policy at that version
     */
    public static Policy<Manifests> restricted(PssVersion version) {
        return of(PssLevel.RESTRICTED, version);
    }

    /**
     * A level at a version. The policy is named {@code pss-<level>} (see {@link #policyName}) and
     * versioned with the Pod Security version as given ({@code latest} stays {@code latest}).
     *
     * @param level the level; {@link PssLevel#PRIVILEGED} gives a policy that allows every pod
     * @param version the version
     * @return the policy
     */
    public static Policy<Manifests> of(PssLevel level, PssVersion version) {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(version, "version");
        if (version.isLatest() && level == PssLevel.BASELINE) {
            return BASELINE_LATEST;
        }
        if (version.isLatest() && level == PssLevel.RESTRICTED) {
            return RESTRICTED_LATEST;
        }
        return build(level, version);
    }

    /**
     * The rule id of a level's policies.
     *
     * @param level the level
     * @return {@code k8s.pss.<level>}, e.g. {@value #RESTRICTED_RULE_ID}
     */
    public static String ruleId(PssLevel level) {
        return "k8s.pss." + Objects.requireNonNull(level, "level").label();
    }

    /**
     * The policy (and scanner pack) name of a level.
     *
     * @param level the level
     * @return {@code pss-<level>}, e.g. {@code pss-restricted}
     */
    public static String policyName(PssLevel level) {
        return "pss-" + Objects.requireNonNull(level, "level").label();
    }

    private static Policy<Manifests> build(PssLevel level, PssVersion version) {
        return Policy.<Manifests>named(policyName(level), version.toString()).include(
                pods().must().meetPodSecurity(level, version)
                        .withId(ruleId(level))
                        .withSeverity(Severity.HIGH)
                        .allowEmptyShould(true)
                        .withRemediation("change the field each message names; the Pod Security Standards list the "
                                + "allowed values: https://kubernetes.io/docs/concepts/security/pod-security-standards/"));
    }
}
