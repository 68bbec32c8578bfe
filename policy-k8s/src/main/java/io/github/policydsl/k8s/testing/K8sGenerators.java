package io.github.policydsl.k8s.testing;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerSpecBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobTemplateSpec;
import io.github.policydsl.api.testing.Choices;
import io.github.policydsl.api.testing.Gen;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generators of Kubernetes objects for property-based tests, valid by construction (DNS-1123
 * names, real capability names, valid quantities), biased toward security-relevant fields, and
 * shrinking toward absent optional fields, one container and the first alternative of each
 * choice. Every call builds new objects; nothing is shared or mutated.
 */
public final class K8sGenerators {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .build();

    private static final List<String> CAPABILITIES = List.of("NET_BIND_SERVICE", "CHOWN", "NET_RAW", "SYS_ADMIN",
            "SYS_PTRACE", "NET_ADMIN", "DAC_OVERRIDE", "SETUID", "SETGID", "KILL");
    private static final List<String> IMAGES = List.of(
            "registry.example.com/app:1.0.0@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945",
            "nginx:1.27", "nginx", "nginx:latest", "ghcr.io/acme/api:2.3", "busybox@sha256:"
                    + "9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7");
    private static final List<String> KINDS = List.of("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "Job", "CronJob", "ReplicationController");

    private K8sGenerators() {
    }

    /** DNS-1123 labels of 1 to 12 characters, shrinking toward {@code "a"}. */
    public static Gen<String> dnsLabels() {
        return c -> {
            int n = 1 + c.choose(12);
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                boolean edge = i == 0 || i == n - 1;
                int k = c.choose(edge ? 36 : 37);
                sb.append(k < 26 ? (char) ('a' + k) : k < 36 ? (char) ('0' + k - 26) : '-');
            }
            return sb.toString();
        };
    }

    /** Namespaces from a small set (so that objects meet), shrinking toward {@code default}. */
    public static Gen<String> namespaces() {
        return Gen.oneOf("default", "production", "staging", "secure-apps");
    }

    /** Container security contexts, each field optional; shrinks toward null fields. */
    public static Gen<SecurityContext> securityContexts() {
        return c -> {
            SecurityContext sc = new SecurityContext();
            sc.setRunAsNonRoot(Gen.booleans().optional(0.5).generate(c));
            sc.setRunAsUser(Gen.oneOf(10000L, 0L, 1000L, 65534L).optional(0.4).generate(c));
            sc.setPrivileged(Gen.booleans().optional(0.3).generate(c));
            sc.setAllowPrivilegeEscalation(Gen.booleans().optional(0.5).generate(c));
            sc.setReadOnlyRootFilesystem(Gen.booleans().optional(0.5).generate(c));
            if (c.chance(0.5)) {
                Capabilities caps = new Capabilities();
                caps.setDrop(c.chance(0.7) ? new ArrayList<>(List.of("ALL")) : new ArrayList<>(
                        Gen.elements(CAPABILITIES).list(0, 2).generate(c)));
                caps.setAdd(new ArrayList<>(Gen.elements(CAPABILITIES).list(0, 2).generate(c)));
                sc.setCapabilities(caps);
            }
            sc.setSeccompProfile(seccompProfiles().optional(0.4).generate(c));
            return sc;
        };
    }

    /** Seccomp profiles: RuntimeDefault, Unconfined or Localhost. */
    public static Gen<SeccompProfile> seccompProfiles() {
        return c -> {
            String type = Gen.oneOf("RuntimeDefault", "Unconfined", "Localhost").generate(c);
            SeccompProfile p = new SeccompProfile();
            p.setType(type);
            if ("Localhost".equals(type)) {
                p.setLocalhostProfile("profiles/app.json");
            }
            return p;
        };
    }

    /** Pod security contexts, each field optional. */
    public static Gen<PodSecurityContext> podSecurityContexts() {
        return c -> {
            PodSecurityContext sc = new PodSecurityContext();
            sc.setRunAsNonRoot(Gen.booleans().optional(0.5).generate(c));
            sc.setRunAsUser(Gen.oneOf(10000L, 0L, 1000L).optional(0.4).generate(c));
            sc.setFsGroup(Gen.oneOf(10000L, 2000L).optional(0.3).generate(c));
            sc.setSeccompProfile(seccompProfiles().optional(0.5).generate(c));
            return sc;
        };
    }

    /** Resource requirements with optional CPU/memory limits and requests. */
    public static Gen<ResourceRequirements> resources() {
        return c -> {
            ResourceRequirements r = new ResourceRequirements();
            Map<String, Quantity> limits = new LinkedHashMap<>();
            Map<String, Quantity> requests = new LinkedHashMap<>();
            if (c.chance(0.7)) {
                limits.put("cpu", new Quantity(Gen.oneOf("500m", "1", "250m").generate(c)));
            }
            if (c.chance(0.7)) {
                limits.put("memory", new Quantity(Gen.oneOf("256Mi", "1Gi", "64Mi").generate(c)));
            }
            if (c.chance(0.5)) {
                requests.put("cpu", new Quantity(Gen.oneOf("100m", "50m").generate(c)));
            }
            if (c.chance(0.5)) {
                requests.put("memory", new Quantity(Gen.oneOf("128Mi", "32Mi").generate(c)));
            }
            r.setLimits(limits);
            r.setRequests(requests);
            return r;
        };
    }

    /** Containers (for any slot) with a name from a small set, an image and optional settings. */
    public static Gen<Container> containers() {
        return c -> {
            Container ct = new Container();
            ct.setName(Gen.oneOf("app", "sidecar", "init", "debug", "proxy").generate(c));
            ct.setImage(Gen.elements(IMAGES).generate(c));
            ct.setSecurityContext(securityContexts().optional(0.8).generate(c));
            ct.setResources(resources().optional(0.6).generate(c));
            return ct;
        };
    }

    /** Pod specs with 1–3 containers, 0–2 init containers, 0–1 ephemeral containers and optional host settings. */
    public static Gen<PodSpec> podSpecs() {
        return c -> {
            PodSpec spec = new PodSpec();
            spec.setContainers(uniqueNames(containers().list(1, 3).generate(c), ""));
            spec.setInitContainers(uniqueNames(containers().list(0, 2).generate(c), "init-"));
            List<EphemeralContainer> eph = new ArrayList<>();
            for (Container ct : uniqueNames(containers().list(0, 1).generate(c), "debug-")) {
                EphemeralContainer e = new EphemeralContainer();
                e.setName(ct.getName());
                e.setImage(ct.getImage());
                e.setSecurityContext(ct.getSecurityContext());
                eph.add(e);
            }
            spec.setEphemeralContainers(eph);
            spec.setSecurityContext(podSecurityContexts().optional(0.7).generate(c));
            spec.setHostNetwork(Gen.booleans().optional(0.2).generate(c));
            spec.setHostPID(Gen.booleans().optional(0.2).generate(c));
            spec.setHostIPC(Gen.booleans().optional(0.2).generate(c));
            spec.setAutomountServiceAccountToken(Gen.booleans().optional(0.5).generate(c));
            spec.setServiceAccountName(Gen.oneOf("default", "app").optional(0.3).generate(c));
            return spec;
        };
    }

    private static List<Container> uniqueNames(List<Container> list, String prefix) {
        List<Container> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Container ct = list.get(i);
            ct.setName(prefix + ct.getName() + (i == 0 ? "" : "-" + i));
            out.add(ct);
        }
        return out;
    }

    /**
     * Pod specs that comply with {@code k8s-hardening} and the restricted Pod Security Standard,
     * varied in where each setting is made (pod or container level) and in optional extras, with
     * 1–3 containers, 0–2 init containers and 0–1 ephemeral containers.
     *
     * @return the generator
     */
    public static Gen<PodSpec> compliantPodSpecs() {
        return c -> {
            PodSpec spec = new PodSpec();
            boolean podLevelNonRoot = c.chance(0.5);
            boolean podLevelSeccomp = c.chance(0.5);
            PodSecurityContext psc = new PodSecurityContext();
            if (podLevelNonRoot) {
                psc.setRunAsNonRoot(true);
            }
            if (podLevelSeccomp) {
                psc.setSeccompProfile(new SeccompProfile(null, "RuntimeDefault"));
            }
            psc.setRunAsUser(Gen.oneOf(10000L, 1000L, 65532L).optional(0.5).generate(c));
            psc.setFsGroup(Gen.oneOf(10000L, 2000L).optional(0.5).generate(c));
            spec.setSecurityContext(psc);
            spec.setAutomountServiceAccountToken(false);
            Gen<Container> compliant = cc -> compliantContainer(cc, !podLevelNonRoot, !podLevelSeccomp, true);
            spec.setContainers(uniqueNames(compliant.list(1, 3).generate(c), ""));
            spec.setInitContainers(uniqueNames(compliant.list(0, 2).generate(c), "init-"));
            List<EphemeralContainer> eph = new ArrayList<>();
            for (Container ct : uniqueNames(((Gen<Container>) cc -> compliantContainer(cc, !podLevelNonRoot,
                    !podLevelSeccomp, false)).list(0, 1).generate(c), "debug-")) {
                EphemeralContainer e = new EphemeralContainer();
                e.setName(ct.getName());
                e.setImage(ct.getImage());
                e.setSecurityContext(ct.getSecurityContext());
                eph.add(e);
            }
            spec.setEphemeralContainers(eph);
            return spec;
        };
    }

    private static Container compliantContainer(Choices c, boolean nonRoot, boolean seccomp, boolean resources) {
        Container ct = new Container();
        ct.setName(Gen.oneOf("app", "sidecar", "proxy").generate(c));
        ct.setImage(Gen.oneOf(IMAGES.get(0), IMAGES.get(5).replace("busybox@", "busybox:1.36@")).generate(c));
        SecurityContext sc = new SecurityContext();
        sc.setAllowPrivilegeEscalation(false);
        sc.setReadOnlyRootFilesystem(true);
        sc.setPrivileged(c.chance(0.5) ? Boolean.FALSE : null);
        List<String> add = new ArrayList<>();
        if (c.chance(0.3)) {
            add.add("NET_BIND_SERVICE");
        }
        sc.setCapabilities(new Capabilities(add, new ArrayList<>(List.of("ALL"))));
        if (nonRoot) {
            sc.setRunAsNonRoot(true);
        }
        if (seccomp) {
            sc.setSeccompProfile(Gen.oneOf(new SeccompProfile(null, "RuntimeDefault"),
                    new SeccompProfile("profiles/app.json", "Localhost")).generate(c));
        }
        ct.setSecurityContext(sc);
        if (resources) {
            ResourceRequirements r = new ResourceRequirements();
            r.setLimits(new LinkedHashMap<>(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("256Mi"))));
            r.setRequests(new LinkedHashMap<>(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("128Mi"))));
            ct.setResources(r);
        }
        return ct;
    }

    /**
     * A deep copy of a pod spec, so that mutations never touch shared objects.
     *
     * @param spec the spec
     * @return an independent copy
     */
    public static PodSpec copy(PodSpec spec) {
        return YAML.readValue(YAML.writeValueAsString(spec), PodSpec.class);
    }

    /**
     * A deep copy of an object (through YAML), of the same class; the original is not changed.
     *
     * @param object the object
     * @param <T> the object type
     * @return the copy
     */
    @SuppressWarnings("unchecked")
    public static <T extends HasMetadata> T copy(T object) {
        return (T) YAML.readValue(YAML.writeValueAsString(object), object.getClass());
    }

    /**
     * Deep copies of a list of objects; the originals are not changed.
     *
     * @param objects the objects
     * @return a new, modifiable list of copies
     */
    public static List<HasMetadata> copyAll(List<? extends HasMetadata> objects) {
        List<HasMetadata> out = new ArrayList<>(objects.size());
        for (HasMetadata o : objects) {
            out.add(copy(o));
        }
        return out;
    }

    /** Pods. */
    public static Gen<Pod> pods() {
        return c -> {
            Pod p = new Pod();
            p.setApiVersion("v1");
            p.setKind("Pod");
            p.setMetadata(meta(c));
            p.setSpec(podSpecs().generate(c));
            return p;
        };
    }

    /** Workloads of every controller kind that holds a pod template, shrinking toward Pod. */
    public static Gen<HasMetadata> workloads() {
        return c -> wrap(Gen.elements(KINDS).generate(c), meta(c), podSpecs().generate(c));
    }

    /** ServiceAccounts with optional automountServiceAccountToken. */
    public static Gen<ServiceAccount> serviceAccounts() {
        return c -> {
            ServiceAccount sa = new ServiceAccount();
            sa.setApiVersion("v1");
            sa.setKind("ServiceAccount");
            ObjectMeta m = new ObjectMeta();
            m.setName(Gen.oneOf("default", "app").generate(c));
            m.setNamespace(namespaces().generate(c));
            sa.setMetadata(m);
            sa.setAutomountServiceAccountToken(Gen.booleans().optional(0.6).generate(c));
            return sa;
        };
    }

    /** Bundles of 1–6 workloads and 0–2 ServiceAccounts, with unique names per kind and namespace. */
    public static Gen<List<HasMetadata>> bundles() {
        return c -> {
            List<HasMetadata> out = new ArrayList<>();
            List<HasMetadata> w = workloads().list(1, 6).generate(c);
            for (int i = 0; i < w.size(); i++) {
                w.get(i).getMetadata().setName(w.get(i).getMetadata().getName() + "-" + i);
                out.add(w.get(i));
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (ServiceAccount sa : serviceAccounts().list(0, 2).generate(c)) {
                if (seen.add(sa.getMetadata().getNamespace() + "/" + sa.getMetadata().getName())) {
                    out.add(sa);
                }
            }
            return out;
        };
    }

    private static ObjectMeta meta(Choices c) {
        ObjectMeta m = new ObjectMeta();
        m.setName(dnsLabels().generate(c));
        m.setNamespace(namespaces().generate(c));
        return m;
    }

    /**
     * Wraps a pod spec into a workload of a kind.
     *
     * @param kind one of Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob,
     *     ReplicationController
     * @param meta the object's metadata
     * @param spec the pod spec
     * @return a new object
     */
    public static HasMetadata wrap(String kind, ObjectMeta meta, PodSpec spec) {
        PodTemplateSpec t = new PodTemplateSpec();
        ObjectMeta tm = new ObjectMeta();
        tm.setLabels(new LinkedHashMap<>(Map.of("app", meta.getName())));
        t.setMetadata(tm);
        t.setSpec(spec);
        LabelSelector sel = new LabelSelector();
        sel.setMatchLabels(new LinkedHashMap<>(Map.of("app", meta.getName())));
        HasMetadata o = switch (kind) {
            case "Pod" -> new Pod("v1", "Pod", meta, spec, null);
            case "Deployment" -> new Deployment("apps/v1", "Deployment", meta,
                    new DeploymentSpecBuilder().withSelector(sel).withTemplate(t).build(), null);
            case "StatefulSet" -> new StatefulSet("apps/v1", "StatefulSet", meta,
                    new StatefulSetSpecBuilder().withSelector(sel).withTemplate(t).build(), null);
            case "DaemonSet" -> new DaemonSet("apps/v1", "DaemonSet", meta,
                    new DaemonSetSpecBuilder().withSelector(sel).withTemplate(t).build(), null);
            case "ReplicaSet" -> new ReplicaSet("apps/v1", "ReplicaSet", meta,
                    new ReplicaSetSpecBuilder().withSelector(sel).withTemplate(t).build(), null);
            case "Job" -> new Job("batch/v1", "Job", meta, new JobSpecBuilder().withTemplate(t).build(), null);
            case "CronJob" -> new CronJob("batch/v1", "CronJob", meta, new CronJobSpecBuilder().withSchedule("0 3 * * *")
                    .withNewJobTemplate().withNewSpec().withTemplate(t).endSpec().endJobTemplate().build(), null);
            case "ReplicationController" -> new ReplicationController("v1", "ReplicationController", meta,
                    new ReplicationControllerSpecBuilder().withSelector(new LinkedHashMap<>(Map.of("app", meta.getName())))
                            .withTemplate(t).build(), null);
            default -> throw new IllegalArgumentException("not a workload kind: " + kind);
        };
        return o;
    }

    /** The workload kinds {@link #wrap} knows. */
    public static List<String> workloadKinds() {
        return KINDS;
    }

    /**
     * YAML of an object (empty fields omitted), for counterexamples and round trips.
     *
     * @param object the object
     * @return the YAML text
     */
    public static String toYaml(Object object) {
        return YAML.writeValueAsString(object);
    }
}
