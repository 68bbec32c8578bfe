package io.github.policydsl.k8s.syntax;

import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.k8s.ContainerRef;
import io.github.policydsl.k8s.ContainerSlot;
import io.github.policydsl.k8s.Manifests;

import java.util.Set;

/** Selection predicates on containers, after {@code containers().that()}. */
public final class ContainersThat extends WorkloadThat<ContainerRef, GivenContainers> {

    private final RuleSpec<Manifests, ContainerRef> spec;
    private final String op;

    ContainersThat(RuleSpec<Manifests, ContainerRef> spec, String op) {
        super(ContainerRef::pod);
        this.spec = spec;
        this.op = op;
    }

    @Override
    protected GivenContainers add(DescribedPredicate<? super ContainerRef> predicate) {
        return new GivenContainers(spec.select(op, predicate));
    }

    /** App containers ({@code spec.containers}). */
    public GivenContainers areAppContainers() {
        return add(DescribedPredicate.describe("are app containers", c -> c.slot() == ContainerSlot.CONTAINER));
    }

    /** Init containers. */
    public GivenContainers areInitContainers() {
        return add(DescribedPredicate.describe("are init containers", c -> c.slot() == ContainerSlot.INIT));
    }

    /** Ephemeral containers. */
    public GivenContainers areEphemeralContainers() {
        return add(DescribedPredicate.describe("are ephemeral containers", c -> c.slot() == ContainerSlot.EPHEMERAL));
    }

    /**
     * Selects by container name.
     *
     * @param names the names
     * @return the next step
     */
    public GivenContainers areNamed(String... names) {
        Set<String> set = Set.of(names);
        return add(DescribedPredicate.describe("are named " + quoted(names), c -> set.contains(c.name())));
    }

    /**
     * Selects containers whose image starts with a prefix.
     *
     * @param prefix e.g. {@code docker.io/}
     * @return the next step
     */
    public GivenContainers runImageStartingWith(String prefix) {
        return add(DescribedPredicate.describe("run an image starting with \"" + prefix + "\"",
                c -> c.image().startsWith(prefix)));
    }
}
