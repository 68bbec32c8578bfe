package io.github.policydsl.k8s.internal.pss;

import io.fabric8.kubernetes.api.model.AppArmorProfile;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.pss.PssLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Baseline {@code appArmorProfile}: AppArmor profiles set through the pod or container
 * {@code securityContext.appArmorProfile} field must be {@code RuntimeDefault} or {@code Localhost};
 * profiles set through {@code container.apparmor.security.beta.kubernetes.io/*} annotations must be
 * empty, {@code runtime/default} or {@code localhost/*}.
 */
final class AppArmorProfileCheck {

    static final String ID = "appArmorProfile";
    static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

    private AppArmorProfileCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.BASELINE, CheckDefinition.since(0, AppArmorProfileCheck::v1_0));
    }

    private static boolean allowedAnnotation(String value) {
        return value == null || value.isEmpty() || "runtime/default".equals(value) || value.startsWith("localhost/");
    }

    private static boolean allowedField(AppArmorProfile p) {
        return "RuntimeDefault".equals(p.getType()) || "Localhost".equals(p.getType());
    }

    static Optional<Forbidden> v1_0(PodInput pod) {
        TreeSet<String> bad = new TreeSet<>();
        List<FieldPath> paths = new ArrayList<>();
        if (pod.podSecurityContext() != null && pod.podSecurityContext().getAppArmorProfile() != null
                && !allowedField(pod.podSecurityContext().getAppArmorProfile())) {
            bad.add("pod securityContext.appArmorProfile.type="
                    + Text.quote(str(pod.podSecurityContext().getAppArmorProfile().getType())));
            paths.add(PodInput.POD_SECURITY_CONTEXT.child("appArmorProfile", "type"));
        }
        for (ContainerRef c : pod.containers()) {
            if (c.securityContext() != null && c.securityContext().getAppArmorProfile() != null
                    && !allowedField(c.securityContext().getAppArmorProfile())) {
                bad.add("container " + Text.quote(c.name()) + " securityContext.appArmorProfile.type="
                        + Text.quote(str(c.securityContext().getAppArmorProfile().getType())));
                paths.add(c.securityContextPath("appArmorProfile", "type"));
            }
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(pod.annotations()).entrySet()) {
            if (e.getKey().startsWith(ANNOTATION_PREFIX) && !allowedAnnotation(e.getValue())) {
                bad.add(e.getKey() + "=" + Text.quote(str(e.getValue())));
                paths.add(PodInput.ANNOTATIONS.child(e.getKey()));
            }
        }
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forbidden(
                Text.plural("forbidden AppArmor profile", "forbidden AppArmor profiles", bad.size()),
                String.join(", ", bad), paths));
    }

    static String str(String s) {
        return s == null ? "" : s;
    }
}
