package io.github.policydsl.api;

import io.github.policydsl.api.result.InputInfo;
import io.github.policydsl.api.result.RuleResult;

import java.util.List;

/**
 * An input that rules evaluate: a set of Kubernetes manifests, a set of Dockerfiles. Inputs know
 * which files they were read from and which parts could not be loaded; a {@link Rule} or
 * {@link Policy} puts those load errors into its report as ERROR results so that nothing that
 * failed to load passes silently.
 */
public interface EvaluationInput {

    /**
     * The files read, for reports. Implementations should return a list normalized once by
     * {@link io.github.policydsl.api.result.InputInfo#normalize(List)}, which every report would
     * otherwise normalize again.
     *
     * @return the inputs
     */
    List<InputInfo> inputs();

    /** One ERROR result per problem found while loading, naming file and line. */
    List<RuleResult> loadErrors();
}
