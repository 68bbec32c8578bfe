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
    private final Parts<? super I, ? extends T> parts;

    private SubjectSource(String description, Function<? super I, ? extends List<? extends T>> extractor,
            Parts<? super I, ? extends T> parts) {
        this.description = Objects.requireNonNull(description, "description");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.parts = parts;
    }

    /**
     * How to find the subjects of an input one range of its parts at a time (for example the
     * pod templates of a range of the loaded objects), so that a parallel evaluation extracts the
     * subjects in its tasks instead of all of them before the tasks start.
     *
     * <p>Contract: for any split of {@code [0, count(input))} into consecutive ranges, the subjects
     * of the ranges, concatenated in order, equal {@link SubjectSource#subjects(Object)
     * subjects(input)}: the same subjects (equal references, locations and verdicts) in the same
     * order.
     *
     * @param <I> the input type
     * @param <T> the subject type
     */
    public interface Parts<I, T> {
        /**
         * The number of parts of an input.
         *
         * @param input the input
         * @return the number of parts, at least 0
         */
        int count(I input);

        /**
         * The subjects found in a range of parts.
         *
         * @param input the input
         * @param from the first part
         * @param to the part after the last one
         * @return the subjects, in order
         */
        List<? extends T> subjects(I input, int from, int to);
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
        return new SubjectSource<>(description, extractor, null);
    }

    /**
     * Creates a source whose subjects can also be found one range of parts at a time.
     *
     * @param description the plural noun, e.g. {@code pods}
     * @param extractor finds the subjects in an input, in a deterministic order
     * @param parts finds the subjects of a range of parts, consistently with {@code extractor}
     * @param <I> the input type
     * @param <T> the subject type
     * @return the source
     */
    public static <I, T extends Subject> SubjectSource<I, T> of(String description,
            Function<? super I, ? extends List<? extends T>> extractor, Parts<? super I, ? extends T> parts) {
        return new SubjectSource<>(description, extractor, Objects.requireNonNull(parts, "parts"));
    }

    /**
     * How this source finds subjects one range of parts at a time, if it can.
     *
     * @return the parts, or empty for a source that extracts all subjects at once
     */
    public java.util.Optional<Parts<? super I, ? extends T>> parts() {
        return java.util.Optional.ofNullable(parts);
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
