package io.github.policydsl.api;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A predicate with a description that reads as a plural clause after "that", such as
 * {@code are in namespace "production"}. Descriptions compose: {@code a.and(b)} reads
 * "a and b", {@code a.negate()} reads "not a" unless given a better text with {@link #as(String)}.
 *
 * <p>Implementations must be stateless (or immutable) so that rules built from them are
 * thread-safe.
 *
 * @param <T> the subject type
 */
public abstract class DescribedPredicate<T> implements Predicate<T> {

    private final String description;

    /**
     * Creates a predicate with a description.
     *
     * @param description the plural clause, e.g. {@code are labelled tier=web}
     */
    protected DescribedPredicate(String description) {
        this.description = Objects.requireNonNull(description, "description");
    }

    /**
     * Adapts a plain predicate.
     *
     * @param description the plural clause used in rule sentences
     * @param predicate the test
     * @param <T> the subject type
     * @return a described predicate
     */
    public static <T> DescribedPredicate<T> describe(String description, Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new DescribedPredicate<>(description) {
            @Override
            public boolean test(T t) {
                return predicate.test(t);
            }
        };
    }

    /**
     * A predicate on a derived value.
     *
     * @param function extracts the value from the subject
     * @param predicate the test on the value; its description is used
     * @param <T> the subject type
     * @param <V> the value type
     * @return a predicate on the subject
     */
    public static <T, V> DescribedPredicate<T> onResultOf(Function<? super T, ? extends V> function,
            DescribedPredicate<? super V> predicate) {
        return describe(predicate.description(), t -> predicate.test(function.apply(t)));
    }

    /** The plural clause used in rule sentences. */
    public String description() {
        return description;
    }

    /**
     * The same predicate with another description.
     *
     * @param newDescription the new clause
     * @return a new predicate
     */
    public DescribedPredicate<T> as(String newDescription) {
        DescribedPredicate<T> self = this;
        return describe(newDescription, self);
    }

    /**
     * Both predicates.
     *
     * @param other the other predicate
     * @return "this and other"
     */
    public DescribedPredicate<T> and(DescribedPredicate<? super T> other) {
        DescribedPredicate<T> self = this;
        return describe(description + " and " + other.description(), t -> self.test(t) && other.test(t));
    }

    /**
     * Either predicate.
     *
     * @param other the other predicate
     * @return "this or other"
     */
    public DescribedPredicate<T> or(DescribedPredicate<? super T> other) {
        DescribedPredicate<T> self = this;
        return describe(description + " or " + other.description(), t -> self.test(t) || other.test(t));
    }

    /** The negation, described as "not ...". */
    @Override
    public DescribedPredicate<T> negate() {
        DescribedPredicate<T> self = this;
        return describe("not " + description, t -> !self.test(t));
    }

    @Override
    public String toString() {
        return description;
    }
}
