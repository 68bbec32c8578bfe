package io.github.policydsl.bench;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.LoadedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ten k8s-hardening checks written by hand over the fabric8 objects, the way a Java user
 * would without the DSL: for every violation a finding with rule id, object, container, field path
 * and source location (no PASS results, no sorting, no messages beyond the rule id).
 */
final class HandWritten {

    record Finding(String ruleId, String kind, String namespace, String name, String container, FieldPath path,
            Location location) {
    }

    private HandWritten() {
    }

    /** Receives the pod spec of a workload and the path of its pod template. */
    interface PodVisitor {
        void visit(LoadedResource r, PodSpec spec, FieldPath template);
    }

    private static final FieldPath TEMPLATE = FieldPath.root().child("spec", "template");
    private static final FieldPath CRON_TEMPLATE = FieldPath.root().child("spec", "jobTemplate", "spec", "template");

    /** Visits the pod template of every Deployment, StatefulSet, DaemonSet, Job and CronJob that has one. */
    static void forEachPodTemplate(Manifests m, PodVisitor visitor) {
        for (LoadedResource r : m.resources()) {
            HasMetadata o = r.object();
            PodTemplateSpec t;
            FieldPath template = TEMPLATE;
            if (o instanceof Deployment d && d.getSpec() != null) {
                t = d.getSpec().getTemplate();
            } else if (o instanceof StatefulSet s && s.getSpec() != null) {
                t = s.getSpec().getTemplate();
            } else if (o instanceof DaemonSet s && s.getSpec() != null) {
                t = s.getSpec().getTemplate();
            } else if (o instanceof Job j && j.getSpec() != null) {
                t = j.getSpec().getTemplate();
            } else if (o instanceof CronJob c && c.getSpec() != null && c.getSpec().getJobTemplate() != null
                    && c.getSpec().getJobTemplate().getSpec() != null) {
                t = c.getSpec().getJobTemplate().getSpec().getTemplate();
                template = CRON_TEMPLATE;
            } else {
                continue;
            }
            if (t != null && t.getSpec() != null) {
                visitor.visit(r, t.getSpec(), template);
            }
        }
    }

    /** The checks over two sets of objects, one thread each (the machine's parallel ceiling); the number of findings. */
    static int checkOnTwoThreads(java.util.concurrent.ExecutorService pool, Manifests first, Manifests second)
            throws java.util.concurrent.ExecutionException, InterruptedException {
        java.util.concurrent.Future<List<Finding>> a = pool.submit(() -> check(first));
        java.util.concurrent.Future<List<Finding>> b = pool.submit(() -> check(second));
        return a.get().size() + b.get().size();
    }

    static List<Finding> check(Manifests m) {
        List<Finding> out = new ArrayList<>();
        forEachPodTemplate(m, (r, spec, template) -> check(r, spec, template.child("spec"), out));
        return out;
    }

    private static void check(LoadedResource r, PodSpec spec, FieldPath base, List<Finding> out) {
        PodSecurityContext psc = spec.getSecurityContext();
        if (Boolean.TRUE.equals(spec.getHostNetwork()) || Boolean.TRUE.equals(spec.getHostPID())
                || Boolean.TRUE.equals(spec.getHostIPC())) {
            add(out, r, "k8s.no-host-namespaces", "", base.child("hostNetwork"));
        }
        boolean podSeccomp = psc != null && okSeccomp(psc.getSeccompProfile());
        checkContainers(r, spec.getInitContainers(), "initContainers", psc, podSeccomp, base, out);
        checkContainers(r, spec.getContainers(), "containers", psc, podSeccomp, base, out);
    }

    private static void checkContainers(LoadedResource r, List<Container> cs, String slot, PodSecurityContext psc,
            boolean podSeccomp, FieldPath base, List<Finding> out) {
        if (cs == null) {
            return;
        }
        for (int i = 0; i < cs.size(); i++) {
            Container c = cs.get(i);
            FieldPath cp = base.child(slot).index(i);
            FieldPath sp = cp.child("securityContext");
            SecurityContext sc = c.getSecurityContext();
            Boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot()
                    : psc != null ? psc.getRunAsNonRoot() : null;
            if (!Boolean.TRUE.equals(nonRoot)) {
                add(out, r, "k8s.run-as-non-root", c.getName(), sp.child("runAsNonRoot"));
            }
            Long uid = sc != null && sc.getRunAsUser() != null ? sc.getRunAsUser() : psc != null ? psc.getRunAsUser() : null;
            if (uid != null && uid == 0L) {
                add(out, r, "k8s.run-as-user-not-root", c.getName(), sp.child("runAsUser"));
            }
            boolean seccomp = sc != null && sc.getSeccompProfile() != null ? okSeccomp(sc.getSeccompProfile()) : podSeccomp;
            if (!seccomp) {
                add(out, r, "k8s.seccomp-profile", c.getName(), sp.child("seccompProfile", "type"));
            }
            if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                add(out, r, "k8s.no-privilege-escalation", c.getName(), sp.child("allowPrivilegeEscalation"));
            }
            if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                add(out, r, "k8s.read-only-root-filesystem", c.getName(), sp.child("readOnlyRootFilesystem"));
            }
            Capabilities caps = sc == null ? null : sc.getCapabilities();
            if (caps == null || caps.getDrop() == null || !caps.getDrop().contains("ALL")) {
                add(out, r, "k8s.drop-all-capabilities", c.getName(), sp.child("capabilities", "drop"));
            }
            if (sc != null && Boolean.TRUE.equals(sc.getPrivileged())) {
                add(out, r, "k8s.no-privileged", c.getName(), sp.child("privileged"));
            }
            Map<String, Quantity> limits = c.getResources() == null ? null : c.getResources().getLimits();
            if (limits == null || !limits.containsKey("cpu") || !limits.containsKey("memory")) {
                add(out, r, "k8s.resource-limits", c.getName(), cp.child("resources", "limits"));
            }
            if (!pinnedTag(c.getImage())) {
                add(out, r, "k8s.image-no-latest", c.getName(), cp.child("image"));
            }
        }
    }

    private static boolean okSeccomp(SeccompProfile p) {
        return p != null && ("RuntimeDefault".equals(p.getType()) || "Localhost".equals(p.getType()));
    }

    static boolean pinnedTag(String image) {
        if (image == null || image.isEmpty()) {
            return false;
        }
        if (image.contains("@")) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash && !image.substring(colon + 1).equals("latest");
    }

    private static void add(List<Finding> out, LoadedResource r, String id, String container, FieldPath path) {
        out.add(new Finding(id, r.kind(), r.namespace(), r.name(), container, path, r.locate(path)));
    }
}
