package io.github.policydsl.k8s.internal.pss;

import io.fabric8.kubernetes.api.model.SELinuxOptions;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.pss.PssLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Baseline {@code seLinuxOptions}: pod and container SELinux {@code type} must be in an allowed set
 * (v1.31 adds {@code container_engine_t}); {@code user} and {@code role} must be empty.
 */
final class SeLinuxOptionsCheck {

    static final String ID = "seLinuxOptions";

    static final Set<String> TYPES_1_0 = Set.of("", "container_t", "container_init_t", "container_kvm_t");
    static final Set<String> TYPES_1_31 = Set.of("", "container_t", "container_init_t", "container_kvm_t",
            "container_engine_t");

    private SeLinuxOptionsCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.BASELINE,
                CheckDefinition.since(0, pod -> check(pod, TYPES_1_0)),
                CheckDefinition.since(31, pod -> check(pod, TYPES_1_31)));
    }

    private static final class State {
        final Set<String> badTypes = new TreeSet<>();
        boolean user;
        boolean role;

        /** Returns the offending paths of one options object. */
        List<FieldPath> judge(SELinuxOptions o, FieldPath base, Set<String> allowedTypes) {
            List<FieldPath> bad = new ArrayList<>();
            String type = o.getType() == null ? "" : o.getType();
            if (!allowedTypes.contains(type)) {
                badTypes.add(type);
                bad.add(base.child("type"));
            }
            if (o.getUser() != null && !o.getUser().isEmpty()) {
                user = true;
                bad.add(base.child("user"));
            }
            if (o.getRole() != null && !o.getRole().isEmpty()) {
                role = true;
                bad.add(base.child("role"));
            }
            return bad;
        }
    }

    static Optional<Forbidden> check(PodInput pod, Set<String> allowedTypes) {
        State s = new State();
        Offenders o = new Offenders();
        if (pod.podSecurityContext() != null && pod.podSecurityContext().getSeLinuxOptions() != null) {
            List<FieldPath> bad = s.judge(pod.podSecurityContext().getSeLinuxOptions(),
                    PodInput.POD_SECURITY_CONTEXT.child("seLinuxOptions"), allowedTypes);
            for (FieldPath p : bad) {
                o.pod(p);
            }
        }
        for (ContainerRef c : pod.containers()) {
            if (c.securityContext() != null && c.securityContext().getSeLinuxOptions() != null) {
                List<FieldPath> bad = s.judge(c.securityContext().getSeLinuxOptions(),
                        c.securityContextPath("seLinuxOptions"), allowedTypes);
                for (FieldPath p : bad) {
                    o.container(c, p);
                }
            }
        }
        if (o.isEmpty()) {
            return Optional.empty();
        }
        List<String> what = new ArrayList<>();
        if (!s.badTypes.isEmpty()) {
            what.add(Text.plural("type", "types", s.badTypes.size()) + " " + Text.joinQuote(s.badTypes));
        }
        if (s.user) {
            what.add("user may not be set");
        }
        if (s.role) {
            what.add("role may not be set");
        }
        return Optional.of(new Forbidden("seLinuxOptions",
                o.setters() + " set forbidden securityContext.seLinuxOptions: " + String.join("; ", what),
                o.paths()));
    }
}
