package io.github.policydsl.k8s.internal.pss;

import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.pss.PssLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Baseline {@code seccompProfile_baseline}: before v1.19 the seccomp annotations must not name a
 * profile other than {@code runtime/default}, {@code docker/default} or {@code localhost/*}; from
 * v1.19 the {@code seccompProfile} fields, when set, must be {@code RuntimeDefault} or
 * {@code Localhost} (annotations are then ignored).
 */
final class SeccompProfileBaselineCheck {

    static final String ID = "seccompProfile_baseline";
    static final String POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
    static final String CONTAINER_ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";

    private SeccompProfileBaselineCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.BASELINE,
                CheckDefinition.since(0, SeccompProfileBaselineCheck::v1_0),
                CheckDefinition.since(19, SeccompProfileBaselineCheck::v1_19));
    }

    private static boolean allowedAnnotation(String v) {
        return "runtime/default".equals(v) || "docker/default".equals(v) || (v != null && v.startsWith("localhost/"));
    }

    static boolean validType(SeccompProfile p) {
        return "RuntimeDefault".equals(p.getType()) || "Localhost".equals(p.getType());
    }

    static Optional<Forbidden> v1_0(PodInput pod) {
        List<String> bad = new ArrayList<>();
        List<FieldPath> paths = new ArrayList<>();
        if (pod.annotations().containsKey(POD_ANNOTATION)) {
            String v = pod.annotations().get(POD_ANNOTATION);
            if (!allowedAnnotation(v)) {
                bad.add(POD_ANNOTATION + "=" + Text.quote(v == null ? "" : v));
                paths.add(PodInput.ANNOTATIONS.child(POD_ANNOTATION));
            }
        }
        for (ContainerRef c : pod.containers()) {
            String key = CONTAINER_ANNOTATION_PREFIX + c.name();
            if (pod.annotations().containsKey(key)) {
                String v = pod.annotations().get(key);
                if (!allowedAnnotation(v)) {
                    bad.add(key + "=" + Text.quote(v == null ? "" : v));
                    paths.add(PodInput.ANNOTATIONS.child(key));
                }
            }
        }
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forbidden("seccompProfile",
                Text.plural("forbidden annotation", "forbidden annotations", bad.size()) + " "
                        + String.join(", ", bad),
                paths));
    }

    static Optional<Forbidden> v1_19(PodInput pod) {
        Offenders o = new Offenders();
        if (pod.podSecurityContext() != null && pod.podSecurityContext().getSeccompProfile() != null) {
            SeccompProfile p = pod.podSecurityContext().getSeccompProfile();
            if (!validType(p)) {
                o.pod(PodInput.POD_SECURITY_CONTEXT.child("seccompProfile", "type")).value(p.getType());
            }
        }
        for (ContainerRef c : pod.containers()) {
            SeccompProfile p = c.securityContext() == null ? null : c.securityContext().getSeccompProfile();
            if (p != null && !validType(p)) {
                o.container(c, c.securityContextPath("seccompProfile", "type")).value(p.getType());
            }
        }
        if (o.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forbidden("seccompProfile",
                o.setters() + " must not set securityContext.seccompProfile.type to "
                        + Text.joinQuote(new TreeSet<>(o.values())),
                o.paths()));
    }
}
