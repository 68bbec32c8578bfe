package io.github.policydsl.api;

import io.github.policydsl.api.result.FieldPath;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A check of one subject, with a description that reads as an infinitive after "must" or
 * "should", such as {@code run as non-root}. A condition records its findings in
 * {@link ConditionEvents}: a violation names the field that must change.
 *
 * <p>Conditions hold no per-run state and are safe to share between threads.
 *
 * @param <T> the subject type
 */
public abstract class Condition<T> {

    private final String description;

    /**
     * Creates a condition.
     *
     * @param description the infinitive phrase used in rule sentences
     */
    protected Condition(String description) {
        this.description = Objects.requireNonNull(description, "description");
    }

    /**
     * Checks one subject.
     *
     * @param subject the subject
     * @param events where to record findings
     */
    public abstract void check(T subject, ConditionEvents events);

    /** The infinitive phrase used in rule sentences, e.g. {@code drop all capabilities}. */
    public String description() {
        return description;
    }

    /**
     * A condition from a check function.
     *
     * @param description the infinitive phrase
     * @param check the check
     * @param <T> the subject type
     * @return a condition
     */
    public static <T> Condition<T> of(String description, Check<? super T> check) {
        Objects.requireNonNull(check, "check");
        return new Condition<>(description) {
            @Override
            public void check(T subject, ConditionEvents events) {
                check.check(subject, events);
            }
        };
    }

    /**
     * A condition that holds when a predicate holds, reported at a fixed path of the subject.
     *
     * @param description the infinitive phrase, e.g. {@code use an approved registry}
     * @param predicate the test
     * @param path where a violation is located, derived from the subject
     * @param <T> the subject type
     * @return a condition whose violation message is "does not " + description
     */
    public static <T> Condition<T> satisfying(String description, Predicate<? super T> predicate,
            Function<? super T, FieldPath> path) {
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(path, "path");
        return of(description, (subject, events) -> {
            if (!predicate.test(subject)) {
                events.violated(path.apply(subject), "does not " + description);
            } else if (events.recordsSatisfied()) {
                events.satisfied(path.apply(subject), "does " + description);
            } else {
                events.satisfied();
            }
        });
    }

    /**
     * The same condition with another description.
     *
     * @param newDescription the new phrase
     * @return a new condition
     */
    public Condition<T> as(String newDescription) {
        Condition<T> self = this;
        return of(newDescription, self::check);
    }

    /** A check function, for lambdas. */
    @FunctionalInterface
    public interface Check<T> {
        /**
         * Checks one subject.
         *
         * @param subject the subject
         * @param events where to record findings
         */
        void check(T subject, ConditionEvents events);
    }

    @Override
    public String toString() {
        return description;
    }
}
