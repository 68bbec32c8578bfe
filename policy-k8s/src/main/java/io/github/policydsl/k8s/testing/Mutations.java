package io.github.policydsl.k8s.testing;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.HostPathVolumeSource;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.Volume;
import io.github.policydsl.k8s.ContainerSlot;
import io.github.policydsl.k8s.packs.K8sHardening;
import io.github.policydsl.k8s.pss.PodSecurityStandards;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The weakening operators for the built-in Kubernetes pod rules: one or more per rule of
 * {@code k8s-hardening} and of the Pod Security Standards. Each names the rule that must catch it
 * and the rules it also affects by design.
 */
public final class Mutations {

    private static final String BASELINE = PodSecurityStandards.BASELINE_RULE_ID;
    private static final String RESTRICTED = PodSecurityStandards.RESTRICTED_RULE_ID;
    private static final Set<ContainerSlot> ALL = EnumSet.allOf(ContainerSlot.class);
    private static final Set<ContainerSlot> WITH_RESOURCES = EnumSet.of(ContainerSlot.CONTAINER, ContainerSlot.INIT);

    private Mutations() {
    }

    /** The mutations of pod templates, for {@code k8s-hardening} and the Pod Security Standards. */
    public static List<Mutation> podRules() {
        List<Mutation> m = new ArrayList<>();
        m.add(Mutation.ofContainer("set privileged: true", K8sHardening.NOT_PRIVILEGED,
                Set.of(K8sHardening.NO_PRIVILEGE_ESCALATION, BASELINE, RESTRICTED), ALL,
                c -> c.securityContext().setPrivileged(true)));
        m.add(Mutation.ofContainer("remove drop ALL", K8sHardening.DROP_ALL, Set.of(RESTRICTED), ALL,
                c -> c.securityContext().setCapabilities(new Capabilities(List.of(), new ArrayList<>()))));
        m.add(Mutation.ofContainer("add capability SYS_ADMIN", BASELINE, Set.of(RESTRICTED), ALL, c -> {
            Capabilities caps = c.securityContext().getCapabilities();
            List<String> add = new ArrayList<>(caps.getAdd() == null ? List.of() : caps.getAdd());
            add.add("SYS_ADMIN");
            caps.setAdd(add);
        }));
        m.add(Mutation.ofContainer("override runAsNonRoot with false", K8sHardening.RUN_AS_NON_ROOT, Set.of(RESTRICTED),
                ALL, c -> c.securityContext().setRunAsNonRoot(false)));
        m.add(Mutation.ofContainer("set runAsUser: 0", K8sHardening.RUN_AS_USER_NOT_ROOT, Set.of(RESTRICTED), ALL,
                c -> c.securityContext().setRunAsUser(0L)));
        m.add(Mutation.ofContainer("seccomp Unconfined", K8sHardening.SECCOMP, Set.of(BASELINE, RESTRICTED), ALL,
                c -> c.securityContext().setSeccompProfile(new SeccompProfile(null, "Unconfined"))));
        m.add(Mutation.ofContainer("allowPrivilegeEscalation: true", K8sHardening.NO_PRIVILEGE_ESCALATION,
                Set.of(RESTRICTED), ALL, c -> c.securityContext().setAllowPrivilegeEscalation(true)));
        m.add(Mutation.ofContainer("writable root filesystem", K8sHardening.READ_ONLY_ROOT_FS, Set.of(), ALL,
                c -> c.securityContext().setReadOnlyRootFilesystem(false)));
        m.add(Mutation.ofContainer("remove limits", K8sHardening.RESOURCE_LIMITS, Set.of(), WITH_RESOURCES, c -> {
            ResourceRequirements r = c.resources();
            r.setLimits(new java.util.LinkedHashMap<>());
        }));
        m.add(Mutation.ofContainer("remove requests and limits", K8sHardening.RESOURCE_REQUESTS,
                Set.of(K8sHardening.RESOURCE_LIMITS), WITH_RESOURCES, c -> c.setResources(null)));
        m.add(Mutation.ofContainer("replace the digest with :latest", K8sHardening.IMAGE_NO_LATEST,
                Set.of(K8sHardening.IMAGE_DIGEST), ALL, c -> c.setImage(repository(c.image()) + ":latest")));
        m.add(Mutation.ofContainer("drop the digest", K8sHardening.IMAGE_DIGEST, Set.of(), ALL,
                c -> c.setImage(c.image().substring(0, c.image().indexOf('@')))));
        m.add(Mutation.ofContainer("add capability CHOWN", RESTRICTED, Set.of(), ALL, c -> {
            Capabilities caps = c.securityContext().getCapabilities();
            List<String> add = new ArrayList<>(caps.getAdd() == null ? List.of() : caps.getAdd());
            add.add("CHOWN");
            caps.setAdd(add);
        }));
        m.add(Mutation.ofContainer("procMount Unmasked", BASELINE, Set.of(RESTRICTED), ALL,
                c -> c.securityContext().setProcMount("Unmasked")));
        m.add(Mutation.ofPod("hostNetwork: true", K8sHardening.NO_HOST_NAMESPACES, Set.of(BASELINE, RESTRICTED),
                spec -> spec.setHostNetwork(true)));
        m.add(Mutation.ofPod("hostPID: true", K8sHardening.NO_HOST_NAMESPACES, Set.of(BASELINE, RESTRICTED),
                spec -> spec.setHostPID(true)));
        m.add(Mutation.ofPod("hostIPC: true", K8sHardening.NO_HOST_NAMESPACES, Set.of(BASELINE, RESTRICTED),
                spec -> spec.setHostIPC(true)));
        m.add(Mutation.ofPod("automountServiceAccountToken: true", K8sHardening.NO_SA_TOKEN, Set.of(),
                spec -> spec.setAutomountServiceAccountToken(true)));
        m.add(Mutation.ofPod("add a hostPath volume", BASELINE, Set.of(RESTRICTED), spec -> {
            Volume v = new Volume();
            v.setName("host");
            v.setHostPath(new HostPathVolumeSource("/var/run", "Directory"));
            List<Volume> vols = new ArrayList<>(spec.getVolumes() == null ? List.of() : spec.getVolumes());
            vols.add(v);
            spec.setVolumes(vols);
        }));
        m.add(Mutation.ofPod("add an unsafe sysctl", BASELINE, Set.of(RESTRICTED), spec -> {
            var sc = spec.getSecurityContext() == null ? new io.fabric8.kubernetes.api.model.PodSecurityContext()
                    : spec.getSecurityContext();
            List<io.fabric8.kubernetes.api.model.Sysctl> sysctls = new ArrayList<>(
                    sc.getSysctls() == null ? List.of() : sc.getSysctls());
            sysctls.add(new io.fabric8.kubernetes.api.model.Sysctl("kernel.msgmax", "65536"));
            sc.setSysctls(sysctls);
            spec.setSecurityContext(sc);
        }));
        return List.copyOf(m);
    }

    private static String repository(String image) {
        int at = image.indexOf('@');
        String ref = at >= 0 ? image.substring(0, at) : image;
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        return colon > slash ? ref.substring(0, colon) : ref;
    }
}
