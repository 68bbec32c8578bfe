package io.github.policydsl.bench;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.github.policydsl.api.Policy;
import io.github.policydsl.api.Rule;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleInfo;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.LoadedResource;
import io.github.policydsl.k8s.packs.K8sHardening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The same ten checks written by hand over the fabric8 objects, producing the report the DSL
 * produces: a result for every pod template and rule (PASS results included), each violation with
 * its message, container, field path and location, and the report sorted (through the public
 * {@link Report#builder}, as the DSL does). {@code Sanity} checks
 * that its results equal the DSL's. Next to {@link HandWritten}, which only collects findings,
 * it measures what the result contract itself costs, apart from the DSL.
 */
final class HandWrittenReport {

    private final List<RuleInfo> infos;
    private final RuleInfo runAsNonRoot;
    private final RuleInfo runAsUser;
    private final RuleInfo seccomp;
    private final RuleInfo escalation;
    private final RuleInfo readOnly;
    private final RuleInfo dropAll;
    private final RuleInfo privileged;
    private final RuleInfo hostNamespaces;
    private final RuleInfo limits;
    private final RuleInfo latest;

    HandWrittenReport(Policy<?> tenChecks) {
        Map<String, RuleInfo> byId = new HashMap<>();
        for (Rule<?> r : tenChecks.rules()) {
            byId.put(r.id(), r.info());
        }
        infos = List.copyOf(byId.values());
        runAsNonRoot = byId.get(K8sHardening.RUN_AS_NON_ROOT);
        runAsUser = byId.get(K8sHardening.RUN_AS_USER_NOT_ROOT);
        seccomp = byId.get(K8sHardening.SECCOMP);
        escalation = byId.get(K8sHardening.NO_PRIVILEGE_ESCALATION);
        readOnly = byId.get(K8sHardening.READ_ONLY_ROOT_FS);
        dropAll = byId.get(K8sHardening.DROP_ALL);
        privileged = byId.get(K8sHardening.NOT_PRIVILEGED);
        hostNamespaces = byId.get(K8sHardening.NO_HOST_NAMESPACES);
        limits = byId.get(K8sHardening.RESOURCE_LIMITS);
        latest = byId.get(K8sHardening.IMAGE_NO_LATEST);
    }

    Report check(Manifests m) {
        Report.Builder results = Report.builder(infos, m.inputs());
        HandWritten.forEachPodTemplate(m, (r, spec, template) -> new Pod(r, spec, template).check(results));
        return results.build();
    }

    /** One pod template: its references, location and the violations of each rule. */
    private final class Pod {
        private final LoadedResource r;
        private final PodSpec spec;
        private final FieldPath specPath;
        private final SubjectRef ref;
        private final Location location;
        private final PodSecurityContext psc;

        Pod(LoadedResource r, PodSpec spec, FieldPath template) {
            this.r = r;
            this.spec = spec;
            this.specPath = template.child("spec");
            this.ref = r.ref();
            this.location = r.locate(template);
            this.psc = spec.getSecurityContext();
        }

        void check(Report.Builder out) {
            List<List<Violation>> found = new ArrayList<>(10);
            for (int i = 0; i < 10; i++) {
                found.add(new ArrayList<>(2));
            }
            for (int i = 0; i < 3; i++) {
                String field = i == 0 ? "hostNetwork" : i == 1 ? "hostPID" : "hostIPC";
                Boolean on = i == 0 ? spec.getHostNetwork() : i == 1 ? spec.getHostPID() : spec.getHostIPC();
                if (Boolean.TRUE.equals(on)) {
                    String what = i == 0 ? "the host's network" : i == 1 ? "the host's process namespace"
                            : "the host's IPC namespace";
                    add(found.get(7), hostNamespaces, ref, specPath.child(field), "shares " + what + ": " + field
                            + " is true");
                }
            }
            containers(spec.getInitContainers(), "initContainers", found);
            containers(spec.getContainers(), "containers", found);
            RuleInfo[] order = {runAsNonRoot, runAsUser, seccomp, escalation, readOnly, dropAll, privileged,
                hostNamespaces, limits, latest};
            for (int i = 0; i < order.length; i++) {
                List<Violation> v = found.get(i);
                out.add(new RuleResult(order[i], ref, location, v.isEmpty() ? Outcome.PASS : Outcome.FAIL, v));
            }
        }

        private void containers(List<Container> cs, String slot, List<List<Violation>> found) {
            if (cs == null) {
                return;
            }
            for (int i = 0; i < cs.size(); i++) {
                Container c = cs.get(i);
                FieldPath cp = specPath.child(slot).index(i);
                FieldPath scp = cp.child("securityContext");
                SubjectRef cref = ref.withContainer(c.getName() == null ? "" : c.getName());
                SecurityContext sc = c.getSecurityContext();

                Boolean nonRoot = sc == null ? null : sc.getRunAsNonRoot();
                String origin = nonRoot != null ? "container" : null;
                if (nonRoot == null && psc != null && psc.getRunAsNonRoot() != null) {
                    nonRoot = psc.getRunAsNonRoot();
                    origin = "pod";
                }
                if (!Boolean.TRUE.equals(nonRoot)) {
                    add(found.get(0), runAsNonRoot, cref, source(origin, scp, "runAsNonRoot"),
                            "may run as root: runAsNonRoot is " + describe(nonRoot, origin));
                }

                Long uid = sc == null ? null : sc.getRunAsUser();
                origin = uid != null ? "container" : null;
                if (uid == null && psc != null && psc.getRunAsUser() != null) {
                    uid = psc.getRunAsUser();
                    origin = "pod";
                }
                if (uid != null && uid == 0L) {
                    add(found.get(1), runAsUser, cref, source(origin, scp, "runAsUser"),
                            "runs as UID 0: runAsUser is " + describe(uid, origin));
                }

                String type = sc == null || sc.getSeccompProfile() == null ? null : sc.getSeccompProfile().getType();
                origin = type != null ? "container" : null;
                if (type == null && psc != null && psc.getSeccompProfile() != null
                        && psc.getSeccompProfile().getType() != null) {
                    type = psc.getSeccompProfile().getType();
                    origin = "pod";
                }
                if (!"RuntimeDefault".equals(type) && !"Localhost".equals(type)) {
                    add(found.get(2), seccomp, cref, source(origin, scp, "seccompProfile", "type"), type != null
                            ? "runs with seccomp profile " + describe(type, origin)
                            : "has no seccomp profile (seccompProfile.type is unset on the container and the pod, "
                            + "so the runtime may run it Unconfined)");
                }

                Boolean priv = sc == null ? null : sc.getPrivileged();
                Boolean escalates = sc == null ? null : sc.getAllowPrivilegeEscalation();
                if (Boolean.TRUE.equals(priv)) {
                    add(found.get(3), escalation, cref, scp.child("privileged"),
                            "allows privilege escalation: it is privileged");
                } else if (!Boolean.FALSE.equals(escalates)) {
                    add(found.get(3), escalation, cref, scp.child("allowPrivilegeEscalation"),
                            "allows privilege escalation: allowPrivilegeEscalation is "
                            + (escalates == null ? "true (the default)" : describe(escalates, "container")));
                }

                Boolean ro = sc == null ? null : sc.getReadOnlyRootFilesystem();
                if (!Boolean.TRUE.equals(ro)) {
                    add(found.get(4), readOnly, cref, scp.child("readOnlyRootFilesystem"),
                            "has a writable root filesystem: readOnlyRootFilesystem is "
                            + (ro == null ? "false (the default)" : describe(ro, "container")));
                }

                Capabilities caps = sc == null ? null : sc.getCapabilities();
                List<String> drop = caps == null || caps.getDrop() == null ? List.of() : caps.getDrop();
                if (!drop.contains("ALL")) {
                    add(found.get(5), dropAll, cref, scp.child("capabilities", "drop"), drop.isEmpty()
                            ? "keeps the runtime's default capabilities: capabilities.drop is unset"
                            : "does not drop all capabilities: capabilities.drop is " + drop);
                }

                if (Boolean.TRUE.equals(priv)) {
                    add(found.get(6), privileged, cref, scp.child("privileged"),
                            "is privileged: it has every capability and access to all host devices");
                }

                Map<String, Quantity> lim = c.getResources() == null ? null : c.getResources().getLimits();
                for (String res : new String[] {"cpu", "memory"}) {
                    if (lim == null || lim.get(res) == null) {
                        add(found.get(8), limits, cref, cp.child("resources", "limits", res),
                                "has no " + res + " limit: resources.limits." + res + " is unset");
                    }
                }

                String image = c.getImage() == null ? "" : c.getImage();
                String tag = tag(image);
                if (!((tag != null && !"latest".equals(tag)) || digest(image))) {
                    add(found.get(9), latest, cref, cp.child("image"), tag == null
                            ? (image.isEmpty() ? "has no image"
                                    : "uses image " + image + " without a tag, which means latest")
                            : "uses image " + image + " with the mutable tag latest");
                }
            }
        }

        private FieldPath source(String origin, FieldPath containerSc, String... field) {
            return ("pod".equals(origin) ? specPath.child("securityContext") : containerSc).child(field);
        }

        private void add(List<Violation> to, RuleInfo rule, SubjectRef about, FieldPath path, String message) {
            to.add(new Violation(rule.id(), rule.severity(), Outcome.FAIL, message, about, r.locate(path), path));
        }
    }

    private static String describe(Object value, String origin) {
        return value == null ? "unset on the container and the pod" : value + " (set on the " + origin + ")";
    }

    private static String tag(String image) {
        int at = image.indexOf('@');
        String ref = at >= 0 ? image.substring(0, at) : image;
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        return colon > slash ? ref.substring(colon + 1) : null;
    }

    private static final Pattern DIGEST = Pattern.compile("@[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}");

    private static boolean digest(String image) {
        return image.indexOf('@') >= 0 && DIGEST.matcher(image).find();
    }
}
