package io.github.policydsl.k8s.pss;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.github.policydsl.k8s.internal.pss.CheckDefinition;
import io.github.policydsl.k8s.internal.pss.CheckRegistry;
import io.github.policydsl.k8s.internal.pss.Forbidden;
import io.github.policydsl.k8s.internal.pss.PodInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Evaluates pods and pod templates against the Kubernetes Pod Security Standards, with the same
 * checks, versions and results as the Pod Security admission controller.
 *
 * <p>Nineteen checks are implemented: twelve baseline checks ({@code appArmorProfile},
 * {@code capabilities_baseline}, {@code hostNamespaces}, {@code hostPathVolumes},
 * {@code hostPorts}, {@code hostProbesAndHostLifecycle}, {@code privileged}, {@code procMount},
 * {@code seLinuxOptions}, {@code seccompProfile_baseline}, {@code sysctls},
 * {@code windowsHostProcess}) and seven restricted checks ({@code allowPrivilegeEscalation},
 * {@code capabilities_restricted}, {@code procMount_restricted}, {@code restrictedVolumes},
 * {@code runAsNonRoot}, {@code runAsUser}, {@code seccompProfile_restricted}). Each check has one or
 * more versioned variants; a version uses the newest variant whose minimum version is not above it.
 * At {@link PssLevel#RESTRICTED} the baseline checks run too, except those a restricted check in
 * force replaces ({@code hostPathVolumes}, {@code seccompProfile_baseline} from v1.19,
 * {@code capabilities_baseline} from v1.22, {@code procMount} from v1.35).
 *
 * <p>Container rules visit every container slot: {@code initContainers}, {@code containers} and
 * {@code ephemeralContainers}. The one piece of API-server defaulting the checks depend on is
 * applied: a volume without any source counts as {@code emptyDir}.
 *
 * <p>This class has no state; all methods are thread-safe and never modify their arguments.
 */
public final class PodSecurityChecks {

    private PodSecurityChecks() {
    }

    /**
     * Evaluates a pod or pod template at a level and version.
     *
     * @param level the level; {@link PssLevel#PRIVILEGED} always allows
     * @param version the policy version; {@code latest} and versions newer than
     *     {@link #latestVersion()} are evaluated as {@link #latestVersion()}
     * @param podMetadata the pod (template) metadata, whose annotations some checks read; may be null
     * @param spec the pod spec; null counts as an empty spec
     * @return the forbidden results in check order; empty when the pod is allowed
     */
    public static List<PssCheckResult> evaluate(PssLevel level, PssVersion version, ObjectMeta podMetadata,
            PodSpec spec) {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(version, "version");
        int minor = version.resolve().minor();
        PodInput pod = new PodInput(podMetadata, spec);
        List<PssCheckResult> results = new ArrayList<>();
        for (CheckDefinition check : CheckRegistry.applicable(level, minor)) {
            CheckDefinition.Variant variant = check.variantAt(minor).orElseThrow();
            Optional<Forbidden> f = variant.function().check(pod);
            f.ifPresent(v -> results.add(new PssCheckResult(check.id(), check.level(), v.reason(), v.detail(),
                    v.paths())));
        }
        return List.copyOf(results);
    }

    /**
     * Evaluates a pod.
     *
     * @param level the level
     * @param version the policy version
     * @param pod the pod
     * @return the forbidden results; empty when allowed
     * @see #evaluate(PssLevel, PssVersion, ObjectMeta, PodSpec)
     */
    public static List<PssCheckResult> evaluate(PssLevel level, PssVersion version, Pod pod) {
        Objects.requireNonNull(pod, "pod");
        return evaluate(level, version, pod.getMetadata(), pod.getSpec());
    }

    /**
     * Evaluates a pod template (of a Deployment, Job, CronJob and so on). Field paths in the
     * results are relative to the template.
     *
     * @param level the level
     * @param version the policy version
     * @param template the pod template
     * @return the forbidden results; empty when allowed
     * @see #evaluate(PssLevel, PssVersion, ObjectMeta, PodSpec)
     */
    public static List<PssCheckResult> evaluate(PssLevel level, PssVersion version, PodTemplateSpec template) {
        Objects.requireNonNull(template, "template");
        return evaluate(level, version, template.getMetadata(), template.getSpec());
    }

    /**
     * The ids of the checks that run at a level and version, in evaluation order: baseline ids in
     * code-point order, then restricted ids. Baseline checks replaced by a restricted check in force
     * are left out at restricted.
     *
     * @param level the level
     * @param version the policy version
     * @return the check ids; empty for {@link PssLevel#PRIVILEGED}
     */
    public static List<String> checkIds(PssLevel level, PssVersion version) {
        Objects.requireNonNull(level, "level");
        int minor = version.resolve().minor();
        return CheckRegistry.applicable(level, minor).stream().map(CheckDefinition::id)
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * The ids of all checks this library implements, in evaluation order.
     *
     * @return the 19 check ids
     */
    public static List<String> allCheckIds() {
        return CheckRegistry.all().stream().map(CheckDefinition::id).collect(Collectors.toUnmodifiableList());
    }

    /**
     * The level a check belongs to.
     *
     * @param checkId a check id from {@link #allCheckIds()}
     * @return {@link PssLevel#BASELINE} or {@link PssLevel#RESTRICTED}
     * @throws IllegalArgumentException if the id is unknown
     */
    public static PssLevel levelOf(String checkId) {
        return CheckRegistry.all().stream().filter(c -> c.id().equals(checkId)).findFirst()
                .map(CheckDefinition::level)
                .orElseThrow(() -> new IllegalArgumentException("unknown Pod Security check: " + checkId));
    }

    /**
     * The newest policy version this library implements, which {@code latest} resolves to: the
     * highest minimum version of any check variant.
     *
     * @return a concrete version, e.g. {@code v1.37}
     */
    public static PssVersion latestVersion() {
        return PssVersion.latest().resolve();
    }

    /**
     * The combined text of forbidden results, as the admission controller writes it: each
     * result's {@link PssCheckResult#message()}, joined by {@code ", "}.
     *
     * @param results forbidden results, in check order
     * @return the combined text; empty for no results
     */
    public static String aggregateMessage(List<PssCheckResult> results) {
        return results.stream().map(PssCheckResult::message).collect(Collectors.joining(", "));
    }

    /**
     * The denial text of the admission controller, e.g.
     * {@code violates PodSecurity "restricted:latest": privileged (container "app" must not set
     * securityContext.privileged=true)}. Audit and warn modes write {@code would violate} instead.
     *
     * @param level the level evaluated
     * @param version the version as requested (kept as given: {@code latest} stays {@code latest})
     * @param results the forbidden results; must not be empty
     * @param enforce true for the enforce wording ({@code violates}), false for audit/warn
     *     ({@code would violate})
     * @return the message
     */
    public static String violationMessage(PssLevel level, PssVersion version, List<PssCheckResult> results,
            boolean enforce) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no forbidden results");
        }
        return (enforce ? "violates" : "would violate") + " PodSecurity \"" + level.label() + ":" + version
                + "\": " + aggregateMessage(results);
    }
}
