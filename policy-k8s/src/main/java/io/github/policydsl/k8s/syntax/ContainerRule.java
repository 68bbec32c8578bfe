package io.github.policydsl.k8s.syntax;

import io.github.policydsl.api.Condition;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.k8s.ContainerRef;
import io.github.policydsl.k8s.Manifests;

/** A rule over containers of every slot: {@code containers().that().areInitContainers().must()...}. Immutable. */
public final class ContainerRule extends WorkloadRule<ContainerRef, ContainerRule> {

    ContainerRule(RuleSpec<Manifests, ContainerRef> spec) {
        super(spec);
    }

    @Override
    protected ContainerRule copy(RuleSpec<Manifests, ContainerRef> newSpec) {
        return new ContainerRule(newSpec);
    }

    @Override
    protected Condition<ContainerRef> lift(Condition<ContainerRef> condition) {
        return condition;
    }
}
