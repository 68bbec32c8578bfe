package io.github.policydsl.k8s.testing;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.github.policydsl.k8s.ContainerSlot;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A weakening operator for mutation testing of policies: applied to a compliant pod spec (a copy;
 * the original is never changed), it must be caught by its target rule. Container mutations apply
 * to one container of a chosen slot; pod mutations to the pod spec.
 *
 * @param name a short name, e.g. {@code privileged}
 * @param targetRule the rule id that must catch it
 * @param alsoAffects rule ids whose verdict the mutation may also change, by design (documented
 *     overlaps such as privileged implying privilege escalation)
 * @param slots the container slots it applies to; empty for pod-level mutations
 * @param action the change: receives the pod spec and, for container mutations, the container
 */
public record Mutation(String name, String targetRule, Set<String> alsoAffects, Set<ContainerSlot> slots,
        BiConsumer<PodSpec, ContainerView> action) {

    /** Validates the components. */
    public Mutation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(targetRule, "targetRule");
        alsoAffects = Set.copyOf(alsoAffects);
        slots = slots.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(slots));
        Objects.requireNonNull(action, "action");
    }

    /**
     * A mutation of one container, in the given slots.
     *
     * @param name the name
     * @param targetRule the rule that must catch it
     * @param alsoAffects documented overlaps
     * @param slots where it applies
     * @param action the change
     * @return the mutation
     */
    public static Mutation ofContainer(String name, String targetRule, Set<String> alsoAffects, Set<ContainerSlot> slots,
            Consumer<ContainerView> action) {
        return new Mutation(name, targetRule, alsoAffects, slots, (spec, c) -> action.accept(c));
    }

    /**
     * A mutation of the pod spec.
     *
     * @param name the name
     * @param targetRule the rule that must catch it
     * @param alsoAffects documented overlaps
     * @param action the change
     * @return the mutation
     */
    public static Mutation ofPod(String name, String targetRule, Set<String> alsoAffects, Consumer<PodSpec> action) {
        return new Mutation(name, targetRule, alsoAffects, Set.of(), (spec, c) -> action.accept(spec));
    }

    /** Whether the mutation changes one container rather than the pod. */
    public boolean isContainerMutation() {
        return !slots.isEmpty();
    }

    /**
     * Applies the mutation to a pod spec in place (call it on a copy).
     *
     * @param spec the pod spec to change
     * @param slot the slot of the container to change (ignored for pod mutations)
     * @param index the index of the container in that slot
     * @throws IllegalArgumentException if the slot has no such container
     */
    public void applyTo(PodSpec spec, ContainerSlot slot, int index) {
        if (!isContainerMutation()) {
            action.accept(spec, null);
            return;
        }
        List<?> list = switch (slot) {
            case CONTAINER -> spec.getContainers();
            case INIT -> spec.getInitContainers();
            case EPHEMERAL -> spec.getEphemeralContainers();
        };
        if (list == null || index >= list.size()) {
            throw new IllegalArgumentException("no " + slot.noun() + " at index " + index);
        }
        action.accept(spec, new ContainerView(list.get(index), slot));
    }

    @Override
    public String toString() {
        return name + " -> " + targetRule;
    }
}
