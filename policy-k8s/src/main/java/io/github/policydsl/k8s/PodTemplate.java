package io.github.policydsl.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.github.policydsl.api.Subject;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.k8s.load.LoadedResource;
import io.github.policydsl.k8s.load.SourceMap;

import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * A pod, or the pod template of a workload: Pod ({@code spec}), Deployment, ReplicaSet,
 * StatefulSet, DaemonSet, Job, ReplicationController and PodTemplate ({@code spec.template} or
 * {@code template}), CronJob ({@code spec.jobTemplate.spec.template}). The subject of
 * {@code pods()} rules. Name, namespace and kind are the owning object's; labels and annotations
 * are the template's, which is what the running pods carry.
 */
public final class PodTemplate implements Subject {

    private static final FieldPath SPEC = FieldPath.root().child("spec");
    private static final FieldPath TEMPLATE = SPEC.child("template");
    private static final FieldPath CRON_TEMPLATE = SPEC.child("jobTemplate", "spec", "template");
    private static final FieldPath POD_TEMPLATE = FieldPath.root().child("template");

    /** The paths of one template location, shared by every template there. */
    private record Paths(FieldPath template, FieldPath spec, FieldPath securityContext, FieldPath[] slots) {
        static Paths at(FieldPath template) {
            FieldPath spec = template.child("spec");
            FieldPath[] slots = new FieldPath[ContainerSlot.values().length];
            for (ContainerSlot slot : ContainerSlot.values()) {
                slots[slot.ordinal()] = spec.child(slot.field());
            }
            return new Paths(template, spec, spec.child("securityContext"), slots);
        }
    }

    private static final Paths AT_ROOT = Paths.at(FieldPath.root());
    private static final Paths AT_TEMPLATE = Paths.at(TEMPLATE);
    private static final Paths AT_CRON_TEMPLATE = Paths.at(CRON_TEMPLATE);
    private static final Paths AT_POD_TEMPLATE = Paths.at(POD_TEMPLATE);

    private final LoadedResource owner;
    private final Manifests manifests;
    private final Paths paths;
    private final ObjectMeta metadata;
    private final PodSpec spec;
    /**
     * The containers of every slot, built on first use (rules evaluated in parallel build them
     * in their own tasks). A race builds equal lists twice at most; the list is immutable, so it
     * is published safely.
     */
    private List<ContainerRef> containers;

    private PodTemplate(LoadedResource owner, Manifests manifests, Paths paths, ObjectMeta metadata, PodSpec spec) {
        this.owner = owner;
        this.manifests = manifests;
        this.paths = paths;
        this.metadata = metadata == null ? new ObjectMeta() : metadata;
        this.spec = spec;
    }

    private List<ContainerRef> buildContainers() {
        List<?> init = spec.getInitContainers();
        List<?> main = spec.getContainers();
        List<?> ephemeral = spec.getEphemeralContainers();
        ContainerRef[] all = new ContainerRef[size(init) + size(main) + size(ephemeral)];
        int n = addContainers(all, 0, ContainerSlot.INIT, init);
        n = addContainers(all, n, ContainerSlot.CONTAINER, main);
        n = addContainers(all, n, ContainerSlot.EPHEMERAL, ephemeral);
        return List.of(n == all.length ? all : java.util.Arrays.copyOf(all, n)); // null items are skipped
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    /** Adds the containers of one slot from {@code at} on; the index after the last one added. */
    private int addContainers(ContainerRef[] all, int at, ContainerSlot slot, List<?> list) {
        if (list == null || list.isEmpty()) {
            return at;
        }
        FieldPath slotPath = paths.slots()[slot.ordinal()];
        for (int i = 0; i < list.size(); i++) {
            Object c = list.get(i);
            if (c != null) {
                all[at++] = ContainerRef.of(this, slot, i, slotPath.index(i), c);
            }
        }
        return at;
    }

    /**
     * The pod templates of all objects, in load order.
     *
     * @param manifests the input
     * @return every pod template (computed once per input)
     */
    public static List<PodTemplate> all(Manifests manifests) {
        return manifests.derived(PodTemplate.class, m -> ofCarriers(m, 0, m.podCarriers().length));
    }

    /**
     * The pod templates of a range of the objects, in load order: the same templates as
     * {@link #all} has for those objects, found anew (a parallel evaluation finds those of its
     * chunk in its own task).
     *
     * @param manifests the input
     * @param from the index of the first object
     * @param to the index after the last object
     * @return the templates
     */
    public static List<PodTemplate> of(Manifests manifests, int from, int to) {
        // only the objects whose kind can carry a template, found when the manifests were built
        return ofCarriers(manifests, manifests.podCarriersBefore(from), manifests.podCarriersBefore(to));
    }

    /**
     * The pod templates of the template carriers from the {@code from}-th to the {@code to}-th
     * (exclusive), in load order: the parts that a parallel evaluation splits into ranges.
     */
    static List<PodTemplate> ofCarriers(Manifests manifests, int from, int to) {
        int[] carriers = manifests.podCarriers();
        List<LoadedResource> resources = manifests.resources();
        PodTemplate[] out = new PodTemplate[to - from];
        int n = 0;
        for (int k = from; k < to; k++) {
            PodTemplate t = of(resources.get(carriers[k]), manifests);
            if (t != null) {
                out[n++] = t;
            }
        }
        return List.of(n == out.length ? out : java.util.Arrays.copyOf(out, n));
    }

    /**
     * Whether an object's kind can carry a pod template: every object that {@link
     * #of(LoadedResource, Manifests)} finds a template in passes, and most others do not.
     */
    static boolean mayCarry(HasMetadata o) {
        return o instanceof Pod || o instanceof Deployment || o instanceof StatefulSet || o instanceof DaemonSet
                || o instanceof ReplicaSet || o instanceof Job || o instanceof ReplicationController
                || o instanceof CronJob || o instanceof io.fabric8.kubernetes.api.model.batch.v1beta1.CronJob
                || o instanceof io.fabric8.kubernetes.api.model.PodTemplate
                || (o instanceof GenericKubernetesResource g && isLegacyWorkload(g));
    }

    /**
     * The pod template of one object.
     *
     * @param r the object
     * @param manifests the input it belongs to
     * @return the template, or null if the object has none
     */
    static PodTemplate of(LoadedResource r, Manifests manifests) {
        HasMetadata o = r.object();
        if (o instanceof GenericKubernetesResource g && isLegacyWorkload(g)) {
            o = typed(g);
        }
        if (o instanceof Pod p) {
            return p.getSpec() == null ? null : new PodTemplate(r, manifests, AT_ROOT, p.getMetadata(), p.getSpec());
        }
        if (o instanceof Deployment d) {
            return d.getSpec() == null ? null : fromTemplate(r, manifests, AT_TEMPLATE, d.getSpec().getTemplate());
        }
        if (o instanceof StatefulSet s) {
            return s.getSpec() == null ? null : fromTemplate(r, manifests, AT_TEMPLATE, s.getSpec().getTemplate());
        }
        if (o instanceof DaemonSet s) {
            return s.getSpec() == null ? null : fromTemplate(r, manifests, AT_TEMPLATE, s.getSpec().getTemplate());
        }
        if (o instanceof ReplicaSet s) {
            return s.getSpec() == null ? null : fromTemplate(r, manifests, AT_TEMPLATE, s.getSpec().getTemplate());
        }
        if (o instanceof Job j) {
            return j.getSpec() == null ? null : fromTemplate(r, manifests, AT_TEMPLATE, j.getSpec().getTemplate());
        }
        if (o instanceof ReplicationController rc) {
            return rc.getSpec() == null ? null : fromTemplate(r, manifests, AT_TEMPLATE, rc.getSpec().getTemplate());
        }
        if (o instanceof CronJob cj) {
            if (cj.getSpec() == null || cj.getSpec().getJobTemplate() == null
                    || cj.getSpec().getJobTemplate().getSpec() == null) {
                return null;
            }
            return fromTemplate(r, manifests, AT_CRON_TEMPLATE, cj.getSpec().getJobTemplate().getSpec().getTemplate());
        }
        if (o instanceof io.fabric8.kubernetes.api.model.batch.v1beta1.CronJob cj) {
            if (cj.getSpec() == null || cj.getSpec().getJobTemplate() == null
                    || cj.getSpec().getJobTemplate().getSpec() == null) {
                return null;
            }
            return fromTemplate(r, manifests, AT_CRON_TEMPLATE, cj.getSpec().getJobTemplate().getSpec().getTemplate());
        }
        if (o instanceof io.fabric8.kubernetes.api.model.PodTemplate pt) {
            return fromTemplate(r, manifests, AT_POD_TEMPLATE, pt.getTemplate());
        }
        return null;
    }

    /** Workload kinds that older API versions (extensions/v1beta1, apps/v1beta1/2) load as generic objects. */
    private static final Map<String, Class<? extends HasMetadata>> LEGACY_WORKLOADS = Map.of(
            "Deployment", Deployment.class, "DaemonSet", DaemonSet.class, "ReplicaSet", ReplicaSet.class,
            "StatefulSet", StatefulSet.class, "Job", Job.class, "CronJob", CronJob.class);

    private static boolean isLegacyWorkload(GenericKubernetesResource g) {
        return g.getKind() != null && LEGACY_WORKLOADS.containsKey(g.getKind());
    }

    private static final JsonMapper CONVERTER = JsonMapper.builder().build();

    /**
     * A workload of an old API version (loaded as a generic object) read as its current typed
     * form, so that its pod template is checked rather than silently skipped.
     */
    private static HasMetadata typed(GenericKubernetesResource g) {
        try {
            return CONVERTER.convertValue(g, LEGACY_WORKLOADS.get(g.getKind()));
        } catch (RuntimeException e) {
            return g;
        }
    }

    private static PodTemplate fromTemplate(LoadedResource r, Manifests manifests, Paths path, PodTemplateSpec t) {
        if (t == null || t.getSpec() == null) {
            return null;
        }
        return new PodTemplate(r, manifests, path, t.getMetadata(), t.getSpec());
    }

    /** The object that holds this template. */
    public LoadedResource owner() {
        return owner;
    }

    /** The input this template was found in, for lookups across objects. */
    public Manifests manifests() {
        return manifests;
    }

    /** The owning object's kind, e.g. {@code CronJob}. */
    public String kind() {
        return owner.kind();
    }

    /** The owning object's name. */
    public String name() {
        return owner.name();
    }

    /** The namespace the pods run in: the owner's, or {@code default} when it has none. */
    public String namespace() {
        return owner.effectiveNamespace();
    }

    /** The template's metadata (the Pod's own for a bare Pod); never null. */
    public ObjectMeta metadata() {
        return metadata;
    }

    /** The template's labels; never null. */
    public Map<String, String> labels() {
        return metadata.getLabels() == null ? Map.of() : metadata.getLabels();
    }

    /** The template's annotations; never null. */
    public Map<String, String> annotations() {
        return metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations();
    }

    /** The pod spec. Read-only. */
    public PodSpec spec() {
        return spec;
    }

    /** All containers: init containers, app containers, then ephemeral containers. */
    public List<ContainerRef> containers() {
        List<ContainerRef> c = containers;
        if (c == null) {
            c = buildContainers();
            containers = c;
        }
        return c;
    }

    /** The path of the template in its object: root for a Pod, {@code spec.template} for a Deployment. */
    @Override
    public FieldPath path() {
        return paths.template();
    }

    /** The path of the pod spec, e.g. {@code spec.template.spec}. */
    public FieldPath specPath() {
        return paths.spec();
    }

    /** The path of the pod's securityContext, e.g. {@code spec.template.spec.securityContext}. */
    FieldPath securityContextPath() {
        return paths.securityContext();
    }

    /** The path of the template's metadata, e.g. {@code spec.template.metadata}. */
    public FieldPath metadataPath() {
        return paths.template().child("metadata");
    }

    /** Cached like {@link #location}: every result names this subject. */
    private SubjectRef ref;

    @Override
    public SubjectRef ref() {
        SubjectRef r = ref;
        if (r == null) {
            r = owner.ref();
            ref = r;
        }
        return r;
    }

    /** The reference of the container with this name (names are unique within a pod), cached by the container. */
    @Override
    public SubjectRef ref(String part) {
        if (part.isEmpty()) {
            return ref();
        }
        List<ContainerRef> all = containers();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(part)) {
                return all.get(i).ref();
            }
        }
        return ref().withContainer(part);
    }

    /** Cached: finds the pod spec's node once for all the fields located below it. */
    private SourceMap.Anchor specAnchor;

    /** Cached: every rule reports this subject's result here. A benign race computes it twice at most. */
    private Location location;

    @Override
    public Location location() {
        Location l = location;
        if (l == null) {
            l = specAnchor().locate(path());
            location = l;
        }
        return l;
    }

    /** The anchor at the pod spec, created on first use. */
    SourceMap.Anchor specAnchor() {
        SourceMap.Anchor a = specAnchor;
        if (a == null) {
            a = owner.anchor(paths.spec());
            specAnchor = a;
        }
        return a;
    }

    /**
     * Locates a field of this object. Fields of a container are located from that container's
     * node and other fields of the pod spec from the spec's, each found once, with the same
     * result as {@link LoadedResource#locate(FieldPath)}.
     */
    @Override
    public Location locate(FieldPath path) {
        FieldPath specPath = paths.spec();
        int n = specPath.size();
        if (path.size() > n + 1 && path.segment(n + 1) instanceof Integer index) {
            Object slot = path.segment(n);
            List<ContainerRef> all = containers();
            for (int i = 0; i < all.size(); i++) {
                ContainerRef c = all.get(i);
                // a path built from the container's own path is recognised without comparing segments
                if (c.index() == index && c.slot().field().equals(slot) && path.startsWith(c.path())) {
                    return c.anchor().locate(path);
                }
            }
        }
        return specAnchor().locate(path);
    }

    @Override
    public String toString() {
        return ref().display();
    }
}
