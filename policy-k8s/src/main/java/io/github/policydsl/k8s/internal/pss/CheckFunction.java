package io.github.policydsl.k8s.internal.pss;

import java.util.Optional;

/** The logic of one check variant: empty when the pod is allowed. Implementations are stateless. */
@FunctionalInterface
public interface CheckFunction {

    /**
     * Evaluates the pod.
     *
     * @param pod the pod view
     * @return the forbidden outcome, or empty when allowed
     */
    Optional<Forbidden> check(PodInput pod);
}
