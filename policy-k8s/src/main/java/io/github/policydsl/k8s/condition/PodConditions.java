package io.github.policydsl.k8s.condition;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.github.policydsl.api.Condition;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.ContainerRef;
import io.github.policydsl.k8s.PodTemplate;
import io.github.policydsl.k8s.load.LoadedResource;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Ready-made conditions on pod templates. Stateless and thread-safe.
 */
public final class PodConditions {

    private PodConditions() {
    }

    /**
     * Lifts a container condition to pods: it must hold for every container in every slot.
     * Containers it does not apply to are skipped. Each event names its container as the event's
     * part, so that reports narrow the subject to that container.
     *
     * @param condition the container condition
     * @return a pod condition with the same description
     */
    public static Condition<PodTemplate> forEachContainer(Condition<? super ContainerRef> condition) {
        return Condition.of(condition.description(), (pod, events) -> {
            List<ContainerRef> containers = pod.containers();
            for (int i = 0; i < containers.size(); i++) {
                ContainerRef c = containers.get(i);
                events.checkPart(c.name(), condition, c);
            }
            if (containers.isEmpty()) {
                events.notApplicable(pod.specPath(), "the pod has no containers");
            }
        });
    }

    /** {@code hostNetwork} is not true. */
    public static Condition<PodTemplate> notUseHostNetwork() {
        return hostFlag("hostNetwork", PodSpec::getHostNetwork, "the host's network");
    }

    /** {@code hostPID} is not true. */
    public static Condition<PodTemplate> notUseHostPID() {
        return hostFlag("hostPID", PodSpec::getHostPID, "the host's process namespace");
    }

    /** {@code hostIPC} is not true. */
    public static Condition<PodTemplate> notUseHostIPC() {
        return hostFlag("hostIPC", PodSpec::getHostIPC, "the host's IPC namespace");
    }

    /** None of {@code hostNetwork}, {@code hostPID}, {@code hostIPC} is true. */
    public static Condition<PodTemplate> notShareHostNamespaces() {
        List<Condition<PodTemplate>> all = List.of(notUseHostNetwork(), notUseHostPID(), notUseHostIPC());
        return Condition.of("not share the host's namespaces", (pod, events) -> {
            for (Condition<PodTemplate> c : all) {
                c.check(pod, events);
            }
        });
    }

    private static Condition<PodTemplate> hostFlag(String field, Function<PodSpec, Boolean> getter, String what) {
        return Condition.of("not use " + field, (pod, events) -> {
            if (Boolean.TRUE.equals(getter.apply(pod.spec()))) {
                events.violated(pod.specPath().child(field), "shares " + what + ": " + field + " is true");
            } else if (events.recordsSatisfied()) {
                events.satisfied(pod.specPath().child(field), "does not share " + what);
            } else {
                events.satisfied();
            }
        });
    }

    private static final FieldPath AUTOMOUNT_TOKEN = FieldPath.root().child("automountServiceAccountToken");

    /**
     * The service account token is not mounted: the pod's {@code automountServiceAccountToken}
     * is false, or it is unset and the pod's ServiceAccount (when it is among the inputs, in the
     * same namespace) sets it to false. The API server's default is true.
     *
     * @return the condition
     */
    public static Condition<PodTemplate> notAutomountServiceAccountToken() {
        return Condition.of("not automount the service account token", (pod, events) -> {
            FieldPath path = pod.specPath().resolve(AUTOMOUNT_TOKEN);
            Boolean own = pod.spec().getAutomountServiceAccountToken();
            if (own != null) {
                if (own) {
                    events.violated(path, "mounts the service account token: automountServiceAccountToken is true");
                } else if (events.recordsSatisfied()) {
                    events.satisfied(path, "does not mount the service account token");
                } else {
                    events.satisfied();
                }
                return;
            }
            String saName = serviceAccountName(pod.spec());
            Optional<LoadedResource> sa = pod.manifests().serviceAccount(pod.namespace(), saName);
            Boolean inherited = sa.map(r -> ((ServiceAccount) r.object()).getAutomountServiceAccountToken()).orElse(null);
            if (Boolean.FALSE.equals(inherited)) {
                if (events.recordsSatisfied()) {
                    events.satisfied(path, "does not mount the service account token (ServiceAccount "
                            + pod.namespace() + "/" + saName + " sets automountServiceAccountToken: false)");
                } else {
                    events.satisfied();
                }
            } else if (Boolean.TRUE.equals(inherited)) {
                events.violated(path, "mounts the service account token: automountServiceAccountToken is unset on the pod "
                        + "and true on ServiceAccount " + pod.namespace() + "/" + saName);
            } else {
                events.violated(path, "mounts the service account token: automountServiceAccountToken is unset on the pod"
                        + (sa.isPresent() ? " and on ServiceAccount " : ", ServiceAccount ") + pod.namespace() + "/"
                        + saName + (sa.isPresent() ? "" : " is not among the inputs") + ", and the default is true");
            }
        });
    }

    /**
     * The pod's ServiceAccount name: {@code serviceAccountName}, else the deprecated
     * {@code serviceAccount}, else {@code default}.
     *
     * @param spec the pod spec
     * @return the name
     */
    public static String serviceAccountName(PodSpec spec) {
        if (spec.getServiceAccountName() != null && !spec.getServiceAccountName().isEmpty()) {
            return spec.getServiceAccountName();
        }
        if (spec.getServiceAccount() != null && !spec.getServiceAccount().isEmpty()) {
            return spec.getServiceAccount();
        }
        return "default";
    }

    /**
     * {@code runtimeClassName} is one of the given sandboxed runtimes (e.g. gVisor, Kata).
     *
     * @param names the allowed runtime class names
     * @return the condition
     */
    public static Condition<PodTemplate> useRuntimeClass(String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("name at least one runtime class");
        }
        Set<String> allowed = Set.of(names);
        String text = String.join(" or ", names);
        return Condition.of("use runtime class " + text, (pod, events) -> {
            FieldPath path = pod.specPath().child("runtimeClassName");
            String rc = pod.spec().getRuntimeClassName();
            if (rc != null && allowed.contains(rc)) {
                events.satisfied(path, "uses runtime class " + rc);
            } else {
                events.violated(path, rc == null ? "runs on the default runtime: runtimeClassName is unset (expected " + text + ")"
                        : "uses runtime class " + rc + " (expected " + text + ")");
            }
        });
    }
}
