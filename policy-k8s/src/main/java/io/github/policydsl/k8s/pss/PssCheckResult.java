package io.github.policydsl.k8s.pss;

import io.github.policydsl.api.result.FieldPath;
import java.util.List;
import java.util.Objects;

/**
 * A forbidden outcome of one Pod Security Standards check.
 *
 * <p>The reason and detail follow the wording of the Kubernetes Pod Security admission controller:
 * the reason is a short fixed string per check (for example {@code "allowPrivilegeEscalation != false"}),
 * the detail names the offending containers, volumes or values (for example
 * {@code container "app" must set securityContext.allowPrivilegeEscalation=false}).
 *
 * <p>The field paths name the fields that must change, relative to the root of the pod or pod
 * template (so they start with {@code spec} or {@code metadata}), whether or not the field is
 * present: {@code spec.containers[0].securityContext.privileged},
 * {@code spec.initContainers[1].securityContext.allowPrivilegeEscalation} for a field that must be
 * set, or {@code metadata.annotations.container.apparmor.security.beta.kubernetes.io/app} for an
 * annotation (the annotation key is one path segment). To place them in a workload, resolve them
 * against the template's path, e.g. {@code FieldPath.parse("spec.template").resolve(path)}.
 *
 * @param checkId the check identifier, e.g. {@code runAsNonRoot} or {@code capabilities_restricted}
 * @param level the level the check belongs to ({@link PssLevel#BASELINE} or {@link PssLevel#RESTRICTED})
 * @param forbiddenReason the short reason, e.g. {@code "host namespaces"}; never empty
 * @param forbiddenDetail the detail, possibly empty
 * @param fieldPaths the offending fields, relative to the pod (template) root; never empty
 */
public record PssCheckResult(
        String checkId,
        PssLevel level,
        String forbiddenReason,
        String forbiddenDetail,
        List<FieldPath> fieldPaths) {

    /**
     * Validates and copies the components.
     *
     * @param checkId the check identifier
     * @param level the check's level
     * @param forbiddenReason the reason
     * @param forbiddenDetail the detail
     * @param fieldPaths the offending fields
     */
    public PssCheckResult {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(forbiddenReason, "forbiddenReason");
        Objects.requireNonNull(forbiddenDetail, "forbiddenDetail");
        fieldPaths = List.copyOf(fieldPaths);
    }

    /**
     * The message of this result as the admission controller writes it: the reason, followed by
     * {@code " (detail)"} when the detail is not empty.
     *
     * @return for example {@code allowPrivilegeEscalation != false (container "app" must set
     *     securityContext.allowPrivilegeEscalation=false)}
     */
    public String message() {
        String reason = forbiddenReason.isEmpty() ? "unknown forbidden reason" : forbiddenReason;
        return forbiddenDetail.isEmpty() ? reason : reason + " (" + forbiddenDetail + ")";
    }
}
