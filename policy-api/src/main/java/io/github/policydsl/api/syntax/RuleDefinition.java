package io.github.policydsl.api.syntax;

import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.api.EvaluationInput;
import io.github.policydsl.api.Subject;
import io.github.policydsl.api.SubjectSource;

/**
 * The generic entry point of the grammar, for subject types of your own:
 * {@code RuleDefinition.all(mySource).that(p).must(c)}. The domain modules offer richer entry
 * points ({@code K8sRules.pods()}, {@code DockerRules.stages()}).
 */
public final class RuleDefinition {

    private RuleDefinition() {
    }

    /**
     * Rules over all subjects of a source.
     *
     * @param source the subjects
     * @param <I> the input type
     * @param <T> the subject type
     * @return the first step of the grammar
     */
    public static <I extends EvaluationInput, T extends Subject> Given<I, T> all(SubjectSource<I, T> source) {
        return new Given<>(RuleSpec.of(source));
    }

    /**
     * Subjects before any selection.
     *
     * @param <I> the input type
     * @param <T> the subject type
     */
    public static final class Given<I extends EvaluationInput, T extends Subject>
            extends AbstractSelection<I, T, GenericRule<I, T>> {

        Given(RuleSpec<I, T> spec) {
            super(spec);
        }

        /**
         * Selects the subjects that satisfy a predicate.
         *
         * @param predicate the predicate
         * @return the next step
         */
        public Conjunction<I, T> that(DescribedPredicate<? super T> predicate) {
            return new Conjunction<>(spec.select("and", predicate));
        }

        @Override
        protected GenericRule<I, T> rule(RuleSpec<I, T> ruleSpec) {
            return new GenericRule<>(ruleSpec);
        }
    }

    /**
     * Subjects after a selection.
     *
     * @param <I> the input type
     * @param <T> the subject type
     */
    public static final class Conjunction<I extends EvaluationInput, T extends Subject>
            extends AbstractSelection<I, T, GenericRule<I, T>> {

        Conjunction(RuleSpec<I, T> spec) {
            super(spec);
        }

        /**
         * Narrows the selection.
         *
         * @param predicate the predicate
         * @return the next step
         */
        public Conjunction<I, T> and(DescribedPredicate<? super T> predicate) {
            return new Conjunction<>(spec.select("and", predicate));
        }

        /**
         * Widens the selection.
         *
         * @param predicate the predicate
         * @return the next step
         */
        public Conjunction<I, T> or(DescribedPredicate<? super T> predicate) {
            return new Conjunction<>(spec.select("or", predicate));
        }

        @Override
        protected GenericRule<I, T> rule(RuleSpec<I, T> ruleSpec) {
            return new GenericRule<>(ruleSpec);
        }
    }

    /**
     * A rule over subjects of a custom source.
     *
     * @param <I> the input type
     * @param <T> the subject type
     */
    public static final class GenericRule<I extends EvaluationInput, T extends Subject>
            extends SubjectRule<I, T, GenericRule<I, T>> {

        GenericRule(RuleSpec<I, T> spec) {
            super(spec);
        }

        @Override
        protected GenericRule<I, T> copy(RuleSpec<I, T> newSpec) {
            return new GenericRule<>(newSpec);
        }
    }
}
