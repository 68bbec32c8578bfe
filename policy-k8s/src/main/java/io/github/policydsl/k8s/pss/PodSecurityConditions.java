package io.github.policydsl.k8s.pss;

import io.github.policydsl.api.Condition;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.PodTemplate;

import java.util.List;
import java.util.Objects;

/**
 * Pod Security Standards as conditions on pod templates, usable in the DSL:
 * {@code pods().that().areInNamespace("x").must().meetPodSecurity(PssLevel.RESTRICTED)}. A pod
 * template that violates several checks gives one violation per check, each with the upstream
 * check id and forbidden reason in its message, located at the offending field.
 */
public final class PodSecurityConditions {

    private PodSecurityConditions() {
    }

    /**
     * The pod template meets a level at a version, as the admission controller decides.
     *
     * @param level the level
     * @param version the version ({@link PssVersion#latest()} for the newest)
     * @return the condition
     */
    public static Condition<PodTemplate> meet(PssLevel level, PssVersion version) {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(version, "version");
        String text = "meet the " + level.label() + " Pod Security Standard" + (version.isLatest() ? "" : " " + version);
        return Condition.of(text, (pod, events) -> {
            List<PssCheckResult> results = PodSecurityChecks.evaluate(level, version, pod.metadata(), pod.spec());
            if (results.isEmpty()) {
                events.satisfied(pod.specPath(), "meets PodSecurity \"" + level.label() + ":" + version + "\"");
                return;
            }
            for (PssCheckResult r : results) {
                String message = "violates PodSecurity \"" + level.label() + ":" + version + "\": " + r.checkId() + ": "
                        + r.message();
                List<FieldPath> paths = r.fieldPaths().isEmpty() ? List.of(FieldPath.root().child("spec")) : r.fieldPaths();
                events.violated(pod.path().resolve(paths.get(0)), message);
            }
        });
    }
}
