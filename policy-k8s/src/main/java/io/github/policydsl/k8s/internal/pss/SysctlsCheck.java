package io.github.policydsl.k8s.internal.pss;

import io.fabric8.kubernetes.api.model.Sysctl;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.pss.PssLevel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Baseline {@code sysctls}: pod sysctls must be in the safe set of the version (names match exactly). */
final class SysctlsCheck {

    static final String ID = "sysctls";

    static final Set<String> SAFE_1_0 = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start");
    static final Set<String> SAFE_1_27 = extend(SAFE_1_0, "net.ipv4.ip_local_reserved_ports");
    static final Set<String> SAFE_1_29 = extend(SAFE_1_27, "net.ipv4.tcp_keepalive_time",
            "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");
    static final Set<String> SAFE_1_32 = extend(SAFE_1_29, "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem");
    static final Set<String> SAFE_1_37 = extend(SAFE_1_32, "net.ipv4.tcp_slow_start_after_idle",
            "net.ipv4.tcp_notsent_lowat");

    private SysctlsCheck() {
    }

    private static Set<String> extend(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.BASELINE,
                CheckDefinition.since(0, pod -> check(pod, SAFE_1_0)),
                CheckDefinition.since(27, pod -> check(pod, SAFE_1_27)),
                CheckDefinition.since(29, pod -> check(pod, SAFE_1_29)),
                CheckDefinition.since(32, pod -> check(pod, SAFE_1_32)),
                CheckDefinition.since(37, pod -> check(pod, SAFE_1_37)));
    }

    static Optional<Forbidden> check(PodInput pod, Set<String> safe) {
        if (pod.podSecurityContext() == null || pod.podSecurityContext().getSysctls() == null) {
            return Optional.empty();
        }
        List<Sysctl> sysctls = pod.podSecurityContext().getSysctls();
        Set<String> bad = new TreeSet<>();
        List<FieldPath> paths = new ArrayList<>();
        for (int i = 0; i < sysctls.size(); i++) {
            Sysctl s = sysctls.get(i);
            String name = s == null || s.getName() == null ? "" : s.getName();
            if (s != null && !safe.contains(name)) {
                bad.add(name);
                paths.add(PodInput.POD_SECURITY_CONTEXT.child("sysctls").index(i).child("name"));
            }
        }
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forbidden("forbidden sysctls", String.join(", ", bad), paths));
    }
}
