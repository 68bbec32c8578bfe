package io.github.policydsl.k8s.syntax;

import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.k8s.ContainerRef;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.PodTemplate;

import java.util.function.Function;

/** Selection predicates on pod templates, after {@code pods().that()}. */
public final class PodsThat extends WorkloadThat<PodTemplate, GivenPods> {

    private final RuleSpec<Manifests, PodTemplate> spec;
    private final String op;

    PodsThat(RuleSpec<Manifests, PodTemplate> spec, String op) {
        super(Function.identity());
        this.spec = spec;
        this.op = op;
    }

    @Override
    protected GivenPods add(DescribedPredicate<? super PodTemplate> predicate) {
        return new GivenPods(spec.select(op, predicate));
    }

    /**
     * Selects pods with a container whose image starts with a prefix.
     *
     * @param prefix e.g. {@code registry.acme.io/}
     * @return the next step
     */
    public GivenPods runImageStartingWith(String prefix) {
        return add(DescribedPredicate.describe("run an image starting with \"" + prefix + "\"",
                p -> p.containers().stream().map(ContainerRef::image).anyMatch(i -> i.startsWith(prefix))));
    }
}
