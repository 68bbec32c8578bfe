package io.github.policydsl.k8s.internal.pss;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.github.policydsl.api.result.FieldPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read-only view of a pod (template) that the checks evaluate: annotations, spec, and every
 * container in the order init, regular, ephemeral, each with its path.
 *
 * <p>The fabric8 objects are read, never modified. A view is built per evaluation.
 */
public final class PodInput {

    /** Path of {@code spec}. */
    public static final FieldPath SPEC = FieldPath.root().child("spec");
    /** Path of {@code spec.securityContext}. */
    public static final FieldPath POD_SECURITY_CONTEXT = SPEC.child("securityContext");
    /** Path of {@code metadata.annotations}. */
    public static final FieldPath ANNOTATIONS = FieldPath.root().child("metadata").child("annotations");

    private final Map<String, String> annotations;
    private final PodSpec spec;
    private final List<ContainerRef> containers;

    /**
     * Creates the view.
     *
     * @param metadata the pod (template) metadata; null means none
     * @param spec the pod spec; null means an empty spec
     */
    public PodInput(ObjectMeta metadata, PodSpec spec) {
        Map<String, String> a = metadata == null || metadata.getAnnotations() == null
                ? Map.of() : metadata.getAnnotations();
        this.annotations = Collections.unmodifiableMap(new LinkedHashMap<>(a));
        this.spec = spec == null ? new PodSpec() : spec;
        List<ContainerRef> all = new ArrayList<>();
        addAll(all, this.spec.getInitContainers(), "initContainers");
        addAll(all, this.spec.getContainers(), "containers");
        List<EphemeralContainer> eph = this.spec.getEphemeralContainers();
        if (eph != null) {
            for (int i = 0; i < eph.size(); i++) {
                if (eph.get(i) != null) {
                    all.add(ContainerRef.of(eph.get(i), SPEC.child("ephemeralContainers").index(i)));
                }
            }
        }
        this.containers = List.copyOf(all);
    }

    private static void addAll(List<ContainerRef> all, List<Container> list, String slot) {
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) != null) {
                all.add(ContainerRef.of(list.get(i), SPEC.child(slot).index(i)));
            }
        }
    }

    /** The pod annotations (never null). */
    public Map<String, String> annotations() {
        return annotations;
    }

    /** The pod spec (never null). */
    public PodSpec spec() {
        return spec;
    }

    /** Pod-level security context, or null. */
    public PodSecurityContext podSecurityContext() {
        return spec.getSecurityContext();
    }

    /** All containers: init, regular, then ephemeral. */
    public List<ContainerRef> containers() {
        return containers;
    }

    /** The volumes (never null; null entries removed is not done, callers skip them). */
    public List<Volume> volumes() {
        return spec.getVolumes() == null ? List.of() : spec.getVolumes();
    }

    /** Whether {@code spec.os.name} is exactly {@code windows}. */
    public boolean isWindows() {
        return spec.getOs() != null && "windows".equals(spec.getOs().getName());
    }

    /** Whether {@code spec.hostUsers} is explicitly false (the pod uses a user namespace). */
    public boolean hostUsersExplicitlyFalse() {
        return Boolean.FALSE.equals(spec.getHostUsers());
    }
}
