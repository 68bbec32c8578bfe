package io.github.policydsl.api.testing;

import java.util.List;

/**
 * Thrown by {@link Property} when a property fails: its message shows the shrunk counterexample,
 * the seed and the choices to replay it.
 */
public final class PropertyFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final transient Object counterexample;
    private final long seed;
    private final transient List<Integer> choices;

    PropertyFailure(String message, Throwable cause, Object counterexample, long seed, List<Integer> choices) {
        super(message, cause);
        this.counterexample = counterexample;
        this.seed = seed;
        this.choices = List.copyOf(choices);
    }

    /** The shrunk counterexample. */
    public Object counterexample() {
        return counterexample;
    }

    /** The seed of the run that found it. */
    public long seed() {
        return seed;
    }

    /** The recorded choices of the shrunk counterexample; {@link Choices#replay} regenerates it. */
    public List<Integer> choices() {
        return choices;
    }
}
