package io.github.policydsl.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.github.policydsl.api.EvaluationInput;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.InputInfo;
import io.github.policydsl.api.result.LoadError;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.k8s.load.LoadedResource;
import io.github.policydsl.k8s.load.SourceMap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An immutable set of loaded Kubernetes objects, the input of Kubernetes rules: the objects in
 * load order, the files they came from and the load errors. Lookups across objects (a pod's
 * ServiceAccount, a Namespace's labels) are indexed once. Thread-safe.
 */
public final class Manifests implements EvaluationInput {

    private final List<LoadedResource> resources;
    private final List<LoadError> errors;
    private final List<InputInfo> inputs;
    private final Map<Object, Once<?>> derived = new ConcurrentHashMap<>();
    private final Manifests lookups;

    /**
     * The ServiceAccounts and Namespaces by name and the positions of the objects that can carry a
     * pod template, built with the manifests: by one walk over objects that were just loaded
     * (while they are still in the processor's caches), or from the indexes of the parts that
     * {@link #merge} combines, so that no evaluation walks all objects for them (which, in a
     * parallel evaluation, one task would do while the others wait).
     */
    private final Index index;

    private Manifests(List<LoadedResource> resources, List<LoadError> errors, List<InputInfo> inputs) {
        this(resources, errors, inputs, null, null);
    }

    private Manifests(List<LoadedResource> resources, List<LoadError> errors, List<InputInfo> inputs, Manifests lookups,
            Index index) {
        this.lookups = lookups;
        this.resources = List.copyOf(resources);
        this.errors = List.copyOf(errors);
        this.inputs = InputInfo.normalize(inputs);
        this.index = index != null ? index : Index.of(this.resources);
    }

    /**
     * The ServiceAccounts by {@code namespace/name} and the Namespaces by name (the first object of
     * a name wins), and the positions in load order of the objects whose kind can carry a pod
     * template ({@link PodTemplate#mayCarry}).
     */
    private record Index(Map<String, LoadedResource> serviceAccounts, Map<String, LoadedResource> namespaces,
            int[] podCarriers) {
        static Index of(List<LoadedResource> resources) {
            Map<String, LoadedResource> sa = new HashMap<>();
            Map<String, LoadedResource> ns = new HashMap<>();
            int[] carriers = new int[resources.size()];
            int n = 0;
            for (int i = 0; i < resources.size(); i++) {
                LoadedResource r = resources.get(i);
                HasMetadata o = r.object();
                if (o instanceof ServiceAccount) {
                    sa.putIfAbsent(r.effectiveNamespace() + "/" + r.name(), r);
                } else if (o instanceof Namespace) {
                    ns.putIfAbsent(r.name(), r);
                } else if (PodTemplate.mayCarry(o)) {
                    carriers[n++] = i;
                }
            }
            return new Index(freeze(sa), freeze(ns), java.util.Arrays.copyOf(carriers, n));
        }

        /** The index of parts in order: an earlier part's object wins, as in one walk over all of them. */
        static Index merge(List<Manifests> parts) {
            Map<String, LoadedResource> sa = new HashMap<>();
            Map<String, LoadedResource> ns = new HashMap<>();
            int total = 0;
            for (Manifests m : parts) {
                m.index.serviceAccounts().forEach(sa::putIfAbsent);
                m.index.namespaces().forEach(ns::putIfAbsent);
                total += m.index.podCarriers().length;
            }
            int[] carriers = new int[total];
            int n = 0;
            int offset = 0;
            for (Manifests m : parts) {
                for (int i : m.index.podCarriers()) {
                    carriers[n++] = offset + i;
                }
                offset += m.resources.size();
            }
            return new Index(freeze(sa), freeze(ns), carriers);
        }

        private static Map<String, LoadedResource> freeze(Map<String, LoadedResource> m) {
            return m.isEmpty() ? Map.of() : Collections.unmodifiableMap(m);
        }
    }

    /**
     * The positions in {@link #resources()} of the objects whose kind can carry a pod template,
     * ascending: the index's own array, not a copy, for reading only.
     */
    int[] podCarriers() {
        return index.podCarriers();
    }

    /** How many of the objects before position {@code at} can carry a pod template. */
    int podCarriersBefore(int at) {
        int i = java.util.Arrays.binarySearch(index.podCarriers(), at);
        return i >= 0 ? i : -i - 1;
    }

    private Index index() {
        return index;
    }

    /**
     * Creates manifests from loaded resources.
     *
     * @param resources the objects in load order
     * @param errors the load errors
     * @param inputs the files read
     * @return the manifests
     */
    public static Manifests of(List<LoadedResource> resources, List<LoadError> errors, List<InputInfo> inputs) {
        return new Manifests(resources, errors, inputs);
    }

    /**
     * Wraps objects built in code (no source positions; locations have line 0 and the file
     * {@code <memory>}). The objects must not be changed afterwards.
     *
     * @param objects the objects
     * @return the manifests
     */
    public static Manifests of(HasMetadata... objects) {
        return of(List.of(objects));
    }

    /**
     * Wraps objects built in code.
     *
     * @param objects the objects
     * @return the manifests
     */
    public static Manifests of(List<? extends HasMetadata> objects) {
        List<LoadedResource> loaded = new ArrayList<>();
        SourceMap none = SourceMap.none("<memory>");
        for (int i = 0; i < objects.size(); i++) {
            loaded.add(new LoadedResource(objects.get(i), "<memory>", i, FieldPath.root(), none));
        }
        return new Manifests(loaded, List.of(), List.of(new InputInfo("<memory>", "manifest", loaded.size())));
    }

    /**
     * Combines manifests, e.g. of several directories.
     *
     * @param all the parts
     * @return one set
     */
    public static Manifests merge(List<Manifests> all) {
        if (all.size() == 1) { // the same objects with fresh caches: no index to combine
            Manifests m = all.get(0);
            return new Manifests(m.resources, m.errors, m.inputs, null, m.index);
        }
        List<LoadedResource> r = new ArrayList<>();
        List<LoadError> e = new ArrayList<>();
        List<InputInfo> i = new ArrayList<>();
        for (Manifests m : all) {
            r.addAll(m.resources);
            e.addAll(m.errors);
            i.addAll(m.inputs);
        }
        return new Manifests(r, e, i, null, Index.merge(all));
    }

    /**
     * These manifests, with {@link #serviceAccount} and {@link #namespace} lookups that fall back
     * to another set when an object is not among these: for streaming evaluation, where each file
     * is evaluated alone but a pod's ServiceAccount or Namespace may be in another file. Rules see
     * only these resources; the other set serves lookups only. {@link #merge} drops the fallback.
     *
     * @param context the objects to look ServiceAccounts and Namespaces up in
     * @return new manifests
     */
    public Manifests withLookupsFrom(Manifests context) {
        return new Manifests(resources, errors, inputs, java.util.Objects.requireNonNull(context, "context"), index);
    }

    /** The objects in load order. */
    public List<LoadedResource> resources() {
        return resources;
    }

    /**
     * The objects of a fabric8 type.
     *
     * @param type the type, e.g. {@code Deployment.class}
     * @param <T> the type
     * @return the matching resources in load order
     */
    public <T extends HasMetadata> List<LoadedResource> resources(Class<T> type) {
        return resources.stream().filter(r -> type.isInstance(r.object())).toList();
    }

    /** The load errors. */
    public List<LoadError> errors() {
        return errors;
    }

    /** Whether every file loaded without error. */
    public boolean isClean() {
        return errors.isEmpty();
    }

    @Override
    public List<InputInfo> inputs() {
        return inputs;
    }

    @Override
    public List<RuleResult> loadErrors() {
        return errors.stream().map(LoadError::toResult).toList();
    }

    /**
     * The ServiceAccount with this name in this namespace, if it is among the objects.
     *
     * @param namespace the namespace ({@code default} matches objects without one)
     * @param name the name
     * @return the ServiceAccount
     */
    public Optional<LoadedResource> serviceAccount(String namespace, String name) {
        LoadedResource own = index().serviceAccounts().get(namespace + "/" + name);
        if (own == null && lookups != null) {
            return lookups.serviceAccount(namespace, name);
        }
        return Optional.ofNullable(own);
    }

    /**
     * The Namespace object of this name, if it is among the objects.
     *
     * @param name the namespace name
     * @return the Namespace
     */
    public Optional<LoadedResource> namespace(String name) {
        LoadedResource own = index().namespaces().get(name);
        if (own == null && lookups != null) {
            return lookups.namespace(name);
        }
        return Optional.ofNullable(own);
    }

    /**
     * A value derived from these manifests, computed once and cached (for example the list of
     * pod templates). The function must be pure.
     *
     * @param key a unique key, usually a constant of the caller
     * @param compute computes the value
     * @param <V> the value type
     * @return the value
     */
    @SuppressWarnings("unchecked")
    public <V> V derived(Object key, Function<Manifests, V> compute) {
        Once<V> once = (Once<V>) derived.computeIfAbsent(key, k -> new Once<V>());
        return once.get(this, compute);
    }

    /** A value computed at most once, even when rules evaluated in parallel ask for it at the same time. */
    private static final class Once<V> {
        private volatile V value;

        V get(Manifests m, Function<Manifests, V> compute) {
            V v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = java.util.Objects.requireNonNull(compute.apply(m), "derived value");
                        value = v;
                    }
                }
            }
            return v;
        }
    }

    @Override
    public String toString() {
        return "Manifests[" + resources.size() + " objects, " + errors.size() + " errors, " + inputs.size() + " files]";
    }
}
