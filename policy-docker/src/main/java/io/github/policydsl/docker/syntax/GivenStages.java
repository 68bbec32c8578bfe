package io.github.policydsl.docker.syntax;

import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.api.syntax.AbstractSelection;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.docker.StageSubject;

/**
 * Stages, and stages after a selection: {@code stages()}, {@code stages().that().areFinal()}.
 * Continue with {@code that()}/{@code and()}/{@code or()} to select, or with {@code must()},
 * {@code should()}, {@code mustNot()}, {@code shouldNot()} to state conditions.
 */
public final class GivenStages extends AbstractSelection<Dockerfiles, StageSubject, StageRule> {

    /**
     * Creates the step; use {@code DockerRules.stages()}.
     *
     * @param spec the state
     */
    public GivenStages(RuleSpec<Dockerfiles, StageSubject> spec) {
        super(spec);
    }

    /** Starts a selection, ANDed with any selection so far. */
    public StagesThat that() {
        return new StagesThat(spec, "and");
    }

    /**
     * Selects with a custom predicate.
     *
     * @param predicate the predicate
     * @return the next step
     */
    public GivenStages that(DescribedPredicate<? super StageSubject> predicate) {
        return new GivenStages(spec.select("and", predicate));
    }

    /** Narrows the selection. */
    public StagesThat and() {
        return new StagesThat(spec, "and");
    }

    /** Widens the selection (evaluated left to right). */
    public StagesThat or() {
        return new StagesThat(spec, "or");
    }

    @Override
    protected StageRule rule(RuleSpec<Dockerfiles, StageSubject> ruleSpec) {
        return new StageRule(ruleSpec);
    }
}
