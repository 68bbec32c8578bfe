package io.github.policydsl.k8s;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.github.policydsl.api.Subject;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.k8s.load.SourceMap;

import java.util.List;
import java.util.function.Function;

/**
 * One container of a pod template, in any slot: {@code containers}, {@code initContainers} or
 * {@code ephemeralContainers}. The subject of {@code containers()} rules. Ephemeral containers are
 * presented through the same {@link Container} view (fabric8 models them as a separate type with
 * the same fields).
 *
 * <p>Effective settings follow Kubernetes: a field of the container's {@code securityContext}
 * overrides the same field of the pod's; fields that exist only on the container
 * ({@code privileged}, {@code allowPrivilegeEscalation}, {@code capabilities},
 * {@code readOnlyRootFilesystem}) have the API server's defaults.
 */
public final class ContainerRef implements Subject {

    private final PodTemplate pod;
    private final ContainerSlot slot;
    private final int index;
    private final Container container;
    private final FieldPath path;
    /**
     * The fields most conditions read, read together when the reference is built: the objects
     * come from a large model that is rarely in the processor's caches, and reading them in one
     * place lets their cache misses overlap instead of each condition waiting for its own.
     */
    private final SecurityContext securityContext;
    private final String image;
    private final List<String> dropped;
    private final ResourceRequirements resources;

    private ContainerRef(PodTemplate pod, ContainerSlot slot, int index, FieldPath path, Container container) {
        this.pod = pod;
        this.slot = slot;
        this.index = index;
        this.container = container;
        this.path = path;
        SecurityContext sc = container.getSecurityContext();
        this.securityContext = sc;
        String img = container.getImage();
        this.image = img == null || img.isEmpty() ? "" : img;
        Capabilities caps = sc == null ? null : sc.getCapabilities();
        List<String> drop = caps == null ? null : caps.getDrop();
        this.dropped = drop == null || drop.isEmpty() ? List.of() : drop;
        this.resources = container.getResources();
    }

    static ContainerRef of(PodTemplate pod, ContainerSlot slot, int index, FieldPath path, Object c) {
        Container view = c instanceof EphemeralContainer e ? view(e) : (Container) c;
        return new ContainerRef(pod, slot, index, path, view);
    }

    private static Container view(EphemeralContainer e) {
        Container c = new Container();
        c.setName(e.getName());
        c.setImage(e.getImage());
        c.setImagePullPolicy(e.getImagePullPolicy());
        c.setCommand(e.getCommand());
        c.setArgs(e.getArgs());
        c.setEnv(e.getEnv());
        c.setEnvFrom(e.getEnvFrom());
        c.setPorts(e.getPorts());
        c.setResources(e.getResources());
        c.setSecurityContext(e.getSecurityContext());
        c.setVolumeMounts(e.getVolumeMounts());
        c.setVolumeDevices(e.getVolumeDevices());
        c.setLifecycle(e.getLifecycle());
        c.setLivenessProbe(e.getLivenessProbe());
        c.setReadinessProbe(e.getReadinessProbe());
        c.setStartupProbe(e.getStartupProbe());
        c.setWorkingDir(e.getWorkingDir());
        c.setStdin(e.getStdin());
        c.setTty(e.getTty());
        return c;
    }

    /** The pod template this container belongs to. */
    public PodTemplate pod() {
        return pod;
    }

    /** The slot. */
    public ContainerSlot slot() {
        return slot;
    }

    /** The index within the slot's list. */
    public int index() {
        return index;
    }

    /** The container (read-only). */
    public Container container() {
        return container;
    }

    /** The container name, or an empty string. */
    public String name() {
        return container.getName() == null ? "" : container.getName();
    }

    /** The image, or an empty string. */
    public String image() {
        return image;
    }

    /** The container's own security context, or null. */
    public SecurityContext securityContext() {
        return securityContext;
    }

    /**
     * The container's resource requirements.
     *
     * @return the requirements, or null if it sets none
     */
    public ResourceRequirements resources() {
        return resources;
    }

    /** The path of the container, e.g. {@code spec.template.spec.initContainers[0]}. */
    @Override
    public FieldPath path() {
        return path;
    }

    /**
     * A path below the container.
     *
     * @param names property names, e.g. {@code "securityContext", "privileged"}
     * @return the path
     */
    public FieldPath field(String... names) {
        return path.child(names);
    }

    /**
     * A field of the container from a relative path, such as a constant
     * {@code securityContext.runAsNonRoot}; the two paths are shared, not copied.
     *
     * @param relative the path below the container
     * @return the absolute path
     */
    public FieldPath field(FieldPath relative) {
        return path.resolve(relative);
    }

    /** Cached reference; a benign race builds equal ones twice at most. */
    private SubjectRef ref;

    @Override
    public SubjectRef ref() {
        SubjectRef r = ref;
        if (r == null) {
            r = pod.ref().withContainer(name());
            ref = r;
        }
        return r;
    }

    /** Cached: the anchor at this container, for locating its fields. A benign race creates it twice at most. */
    private SourceMap.Anchor anchor;

    SourceMap.Anchor anchor() {
        SourceMap.Anchor a = anchor;
        if (a == null) {
            a = pod.specAnchor().below(path);
            anchor = a;
        }
        return a;
    }

    @Override
    public Location locate(FieldPath p) {
        return pod.locate(p);
    }

    /**
     * An effective security setting that the container may override: the container's value if
     * set, else the pod's.
     *
     * @param containerField reads the container-level value
     * @param podField reads the pod-level value
     * @param field the field name under {@code securityContext}, one name per nesting level
     * @param <V> the value type
     * @return the effective value and its origin
     */
    public <V> Effective<V> inherited(Function<SecurityContext, V> containerField,
            Function<PodSecurityContext, V> podField, String... field) {
        FieldPath below = FieldPath.root().child(field);
        return inherited(containerField, podField, SECURITY_CONTEXT.resolve(below), below);
    }

    /**
     * The effective value, its source built when asked for from the container's path and
     * {@code ownField} ({@code securityContext.}...) or the pod's securityContext path and
     * {@code podField} (constants, so that a source path is one small object sharing them).
     */
    private <V> Effective<V> inherited(Function<SecurityContext, V> containerField,
            Function<PodSecurityContext, V> podField, FieldPath ownField, FieldPath podFieldPath) {
        SecurityContext sc = securityContext;
        V v = sc == null ? null : containerField.apply(sc);
        FieldPath base = path;
        FieldPath relative = ownField;
        String origin = "container";
        if (v == null) {
            PodSecurityContext psc = pod.spec().getSecurityContext();
            v = psc == null ? null : podField.apply(psc);
            base = v == null ? null : pod.securityContextPath();
            relative = v == null ? null : podFieldPath;
            origin = v == null ? "unset" : "pod";
        }
        // one allocation site, also for an unset value: inlined into a condition that only reads
        // the value, the object need not be allocated at all
        return Effective.at(v, base, relative, origin);
    }

    /** Effective {@code runAsNonRoot}. */
    public Effective<Boolean> runAsNonRoot() {
        return inherited(SecurityContext::getRunAsNonRoot, PodSecurityContext::getRunAsNonRoot, SC_RUN_AS_NON_ROOT,
                RUN_AS_NON_ROOT);
    }

    /** Effective {@code runAsUser}. */
    public Effective<Long> runAsUser() {
        return inherited(SecurityContext::getRunAsUser, PodSecurityContext::getRunAsUser, SC_RUN_AS_USER, RUN_AS_USER);
    }

    /** Effective {@code seccompProfile.type}. */
    public Effective<String> seccompProfileType() {
        return inherited(sc -> sc.getSeccompProfile() == null ? null : sc.getSeccompProfile().getType(),
                psc -> psc.getSeccompProfile() == null ? null : psc.getSeccompProfile().getType(), SC_SECCOMP_TYPE,
                SECCOMP_TYPE);
    }

    /** Whether the container is privileged ({@code privileged: true}); default false. */
    public Effective<Boolean> privileged() {
        return containerOnly(SecurityContext::getPrivileged, SC_PRIVILEGED, Boolean.FALSE);
    }

    /**
     * Effective {@code allowPrivilegeEscalation}: the container's value, else the default, which
     * is true.
     *
     * @return the effective value
     */
    public Effective<Boolean> allowPrivilegeEscalation() {
        return containerOnly(SecurityContext::getAllowPrivilegeEscalation, SC_ALLOW_PRIVILEGE_ESCALATION,
                Boolean.TRUE);
    }

    /** Effective {@code readOnlyRootFilesystem}; default false. */
    public Effective<Boolean> readOnlyRootFilesystem() {
        return containerOnly(SecurityContext::getReadOnlyRootFilesystem, SC_READ_ONLY_ROOT_FILESYSTEM, Boolean.FALSE);
    }

    /** The dropped capabilities; empty when none. */
    public List<String> droppedCapabilities() {
        return dropped;
    }

    /** The added capabilities; empty when none. */
    public List<String> addedCapabilities() {
        Capabilities caps = securityContext == null ? null : securityContext.getCapabilities();
        return caps == null || caps.getAdd() == null ? List.of() : caps.getAdd();
    }

    /**
     * Fields below the pod's securityContext, and below the container (in its securityContext);
     * each in one flat path, so that a source path resolved from it shares its segments.
     */
    private static final FieldPath SECURITY_CONTEXT = FieldPath.root().child("securityContext");
    private static final FieldPath RUN_AS_NON_ROOT = FieldPath.root().child("runAsNonRoot");
    private static final FieldPath RUN_AS_USER = FieldPath.root().child("runAsUser");
    private static final FieldPath SECCOMP_TYPE = FieldPath.root().child("seccompProfile", "type");
    private static final FieldPath SC_RUN_AS_NON_ROOT = FieldPath.root().child("securityContext", "runAsNonRoot");
    private static final FieldPath SC_RUN_AS_USER = FieldPath.root().child("securityContext", "runAsUser");
    private static final FieldPath SC_SECCOMP_TYPE = FieldPath.root().child("securityContext", "seccompProfile", "type");
    private static final FieldPath SC_PRIVILEGED = FieldPath.root().child("securityContext", "privileged");
    private static final FieldPath SC_ALLOW_PRIVILEGE_ESCALATION =
            FieldPath.root().child("securityContext", "allowPrivilegeEscalation");
    private static final FieldPath SC_READ_ONLY_ROOT_FILESYSTEM =
            FieldPath.root().child("securityContext", "readOnlyRootFilesystem");

    private Effective<Boolean> containerOnly(Function<SecurityContext, Boolean> getter, FieldPath field,
            Boolean byDefault) {
        SecurityContext sc = securityContext;
        Boolean v = sc == null ? null : getter.apply(sc);
        // one allocation site (see inherited)
        boolean own = v != null;
        return Effective.at(own ? v : byDefault, own ? path : null, own ? field : null, own ? "container" : "default");
    }

    @Override
    public String toString() {
        return ref().display();
    }
}
