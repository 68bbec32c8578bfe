package io.github.policydsl.docker.syntax;

import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.api.syntax.AbstractSelection;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.docker.DockerfileSubject;
import io.github.policydsl.docker.Dockerfiles;

/** Whole Dockerfiles: {@code dockerfiles().must().useMultiStageBuild()}. */
public final class GivenDockerfiles extends AbstractSelection<Dockerfiles, DockerfileSubject, DockerfileRule> {

    /**
     * Creates the step; use {@code DockerRules.dockerfiles()}.
     *
     * @param spec the state
     */
    public GivenDockerfiles(RuleSpec<Dockerfiles, DockerfileSubject> spec) {
        super(spec);
    }

    /**
     * Selects with a custom predicate.
     *
     * @param predicate the predicate
     * @return the next step
     */
    public GivenDockerfiles that(DescribedPredicate<? super DockerfileSubject> predicate) {
        return new GivenDockerfiles(spec.select("and", predicate));
    }

    /**
     * Narrows the selection with a custom predicate.
     *
     * @param predicate the predicate
     * @return the next step
     */
    public GivenDockerfiles and(DescribedPredicate<? super DockerfileSubject> predicate) {
        return new GivenDockerfiles(spec.select("and", predicate));
    }

    /**
     * Widens the selection with a custom predicate.
     *
     * @param predicate the predicate
     * @return the next step
     */
    public GivenDockerfiles or(DescribedPredicate<? super DockerfileSubject> predicate) {
        return new GivenDockerfiles(spec.select("or", predicate));
    }

    @Override
    protected DockerfileRule rule(RuleSpec<Dockerfiles, DockerfileSubject> ruleSpec) {
        return new DockerfileRule(ruleSpec);
    }
}
