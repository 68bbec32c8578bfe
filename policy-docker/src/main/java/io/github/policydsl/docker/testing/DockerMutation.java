package io.github.policydsl.docker.testing;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A weakening operator for mutation testing of Dockerfile policies: applied to the text of a
 * compliant Dockerfile it returns a new text (the input is a string and is never changed) that its
 * target rule must catch. It may not apply to every file (e.g. "drop --checksum" needs a remote
 * ADD): then it returns empty.
 *
 * @param name a short description, e.g. {@code append USER root to the final stage}
 * @param targetRule the rule id that must catch it
 * @param alsoAffects rule ids whose verdict the mutation may also change, by design (documented
 *     overlaps such as {@code :latest} also dropping the digest)
 * @param action the change: from a compliant text to the mutated text, or empty when not applicable
 */
public record DockerMutation(String name, String targetRule, Set<String> alsoAffects,
        Function<String, Optional<String>> action) {

    /** Validates the components. */
    public DockerMutation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(targetRule, "targetRule");
        alsoAffects = Set.copyOf(alsoAffects);
        Objects.requireNonNull(action, "action");
    }

    /**
     * Applies the mutation.
     *
     * @param dockerfileText a Dockerfile our parser accepts, lines ending in {@code \n}
     * @return the mutated text, or empty when the mutation does not apply to this file
     */
    public Optional<String> applyTo(String dockerfileText) {
        return action.apply(dockerfileText);
    }

    @Override
    public String toString() {
        return name + " -> " + targetRule;
    }
}
