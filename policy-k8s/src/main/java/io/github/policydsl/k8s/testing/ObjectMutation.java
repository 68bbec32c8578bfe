package io.github.policydsl.k8s.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.github.policydsl.k8s.ContainerSlot;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A weakening operator over a whole bundle of objects, the sibling of the pod-spec oriented
 * {@link Mutation}: applied to a compliant bundle it must be caught by its target rule. It never
 * changes its input: {@link #applyTo(List)} deep-copies the bundle first and changes the copy.
 *
 * @param name a short name, e.g. {@code add verb * to Role}
 * @param targetRule the rule id that must catch it
 * @param alsoAffects rule ids whose verdict it may also change, by design (documented overlaps)
 * @param action the change, applied to a fresh deep copy; throws {@link IllegalArgumentException}
 *     when the bundle has no object to change
 */
public record ObjectMutation(String name, String targetRule, Set<String> alsoAffects,
        Consumer<List<HasMetadata>> action) {

    /** Validates the components. */
    public ObjectMutation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(targetRule, "targetRule");
        alsoAffects = Set.copyOf(alsoAffects);
        Objects.requireNonNull(action, "action");
    }

    /**
     * Applies the mutation to a deep copy of a bundle.
     *
     * @param bundle the bundle, not changed
     * @return the mutated copy
     * @throws IllegalArgumentException if the bundle has nothing the mutation changes
     */
    public List<HasMetadata> applyTo(List<? extends HasMetadata> bundle) {
        List<HasMetadata> copy = K8sGenerators.copyAll(bundle);
        action.accept(copy);
        return copy;
    }

    /**
     * Lifts a pod-spec mutation to a bundle: it changes the first workload of a kind, in a
     * container slot (for container mutations, the first container of that slot).
     *
     * @param mutation the pod-spec mutation
     * @param kind the workload kind, e.g. {@code CronJob}
     * @param slot the container slot (ignored for pod mutations)
     * @param extraAlsoAffects further rules the mutation may change in a bundle context, e.g. the
     *     admission rules that apply the Pod Security Standards through namespace labels
     * @return the bundle mutation
     */
    public static ObjectMutation ofPodMutation(Mutation mutation, String kind, ContainerSlot slot,
            Set<String> extraAlsoAffects) {
        Set<String> also = new HashSet<>(mutation.alsoAffects());
        also.addAll(extraAlsoAffects);
        String where = mutation.isContainerMutation() ? " in " + slot + " of " + kind : " of " + kind;
        return new ObjectMutation(mutation.name() + where, mutation.targetRule(), also, objects -> {
            for (HasMetadata o : objects) {
                if (kind.equals(o.getKind())) {
                    PodSpec spec = ClusterGenerators.podSpecOf(o);
                    if (spec != null) {
                        mutation.applyTo(spec, slot, 0);
                        return;
                    }
                }
            }
            throw new IllegalArgumentException("no " + kind + " in the bundle");
        });
    }

    @Override
    public String toString() {
        return name + " -> " + targetRule;
    }
}
