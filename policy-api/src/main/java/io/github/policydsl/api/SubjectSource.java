package io.github.policydsl.api;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How to find the subjects of a rule in an input, with a plural noun for rule sentences
 * ({@code pods}, {@code containers}, {@code final stages}).
 *
 * @param <I> the input type
 * @param <T> the subject type
 */
public final class SubjectSource<I, T extends Subject> {

    private final String description;
    private final Function<? super I, ? extends List<? extends T>> extractor;

    private SubjectSource(String description, Function<? super I, ? extends List<? extends T>> extractor) {
        this.description = Objects.requireNonNull(description, "description");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
    }

    /**
     * Creates a source.
     *
     * @param description the plural noun, e.g. {@code pods}
     * @param extractor finds the subjects in an input, in a deterministic order
     * @param <I> the input type
     * @param <T> the subject type
     * @return the source
     */
    public static <I, T extends Subject> SubjectSource<I, T> of(String description,
            Function<? super I, ? extends List<? extends T>> extractor) {
        return new SubjectSource<>(description, extractor);
    }

    /** The plural noun. */
    public String description() {
        return description;
    }

    /**
     * The subjects of an input.
     *
     * @param input the input
     * @return the subjects
     */
    public List<? extends T> subjects(I input) {
        return extractor.apply(input);
    }
}
