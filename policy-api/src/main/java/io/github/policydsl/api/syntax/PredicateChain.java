package io.github.policydsl.api.syntax;

import io.github.policydsl.api.DescribedPredicate;

import java.util.Objects;

/**
 * Selection predicates joined with {@code and}/{@code or}, evaluated strictly left to right as the
 * sentence reads. Where the operators change, the text gets parentheses:
 * {@code (are in namespace "a" or have label x=y) and are not privileged}. Immutable.
 *
 * @param <T> the subject type
 */
public final class PredicateChain<T> {

    private final DescribedPredicate<T> predicate;
    private final String text;
    private final String lastOp;

    private PredicateChain(DescribedPredicate<T> predicate, String text, String lastOp) {
        this.predicate = predicate;
        this.text = text;
        this.lastOp = lastOp;
    }

    /**
     * An empty chain, which selects everything.
     *
     * @param <T> the subject type
     * @return the chain
     */
    public static <T> PredicateChain<T> empty() {
        return new PredicateChain<>(null, "", null);
    }

    /**
     * Adds a predicate.
     *
     * @param op {@code "and"} or {@code "or"}; ignored for the first predicate
     * @param next the predicate
     * @return a new chain
     */
    public PredicateChain<T> add(String op, DescribedPredicate<? super T> next) {
        Objects.requireNonNull(next, "predicate");
        if (!"and".equals(op) && !"or".equals(op)) {
            throw new IllegalArgumentException("operator must be and/or: " + op);
        }
        if (predicate == null) {
            return new PredicateChain<>(DescribedPredicate.describe(next.description(), next), next.description(), null);
        }
        String left = lastOp != null && !lastOp.equals(op) ? "(" + text + ")" : text;
        String newText = left + " " + op + " " + next.description();
        DescribedPredicate<T> current = predicate;
        DescribedPredicate<T> combined = "and".equals(op)
                ? DescribedPredicate.describe(newText, t -> current.test(t) && next.test(t))
                : DescribedPredicate.describe(newText, t -> current.test(t) || next.test(t));
        return new PredicateChain<>(combined, newText, op);
    }

    /** Whether no predicate was added. */
    public boolean isEmpty() {
        return predicate == null;
    }

    /**
     * Tests a subject.
     *
     * @param subject the subject
     * @return true if selected
     */
    public boolean test(T subject) {
        return predicate == null || predicate.test(subject);
    }

    /** The combined clause, empty when nothing was added. */
    public String text() {
        return text;
    }
}
