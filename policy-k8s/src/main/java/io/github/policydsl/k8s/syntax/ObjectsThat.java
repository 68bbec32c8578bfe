package io.github.policydsl.k8s.syntax;

import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.k8s.Manifests;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Selection predicates on whole objects, after {@code roles().that()},
 * {@code secrets().that()} and the like. Each method adds a predicate with the pending
 * {@code and}/{@code or} and returns the conjunction step.
 *
 * @param <T> the subject type
 * @param <R> the rule type
 */
public final class ObjectsThat<T extends ObjectSubject, R> {

    private final RuleSpec<Manifests, T> spec;
    private final String op;
    private final Function<RuleSpec<Manifests, T>, R> rules;

    ObjectsThat(RuleSpec<Manifests, T> spec, String op, Function<RuleSpec<Manifests, T>, R> rules) {
        this.spec = spec;
        this.op = op;
        this.rules = rules;
    }

    /**
     * Any custom predicate.
     *
     * @param predicate the predicate
     * @return the next step
     */
    public GivenObjects<T, R> are(DescribedPredicate<? super T> predicate) {
        return new GivenObjects<>(spec.select(op, predicate), rules);
    }

    /**
     * Selects by namespace (objects without one are in {@code default}).
     *
     * @param namespaces one or more namespaces
     * @return the next step
     */
    public GivenObjects<T, R> areInNamespace(String... namespaces) {
        Set<String> set = Set.of(namespaces);
        return are(DescribedPredicate.describe("are in namespace " + quoted(namespaces),
                t -> set.contains(t.namespace())));
    }

    /**
     * Excludes namespaces.
     *
     * @param namespaces one or more namespaces
     * @return the next step
     */
    public GivenObjects<T, R> areNotInNamespace(String... namespaces) {
        Set<String> set = Set.of(namespaces);
        return are(DescribedPredicate.describe("are not in namespace " + quoted(namespaces),
                t -> !set.contains(t.namespace())));
    }

    /**
     * Selects by name.
     *
     * @param names one or more names
     * @return the next step
     */
    public GivenObjects<T, R> areNamed(String... names) {
        Set<String> set = Set.of(names);
        return are(DescribedPredicate.describe("are named " + quoted(names), t -> set.contains(t.name())));
    }

    /**
     * Excludes names.
     *
     * @param names one or more names
     * @return the next step
     */
    public GivenObjects<T, R> areNotNamed(String... names) {
        Set<String> set = Set.of(names);
        return are(DescribedPredicate.describe("are not named " + quoted(names), t -> !set.contains(t.name())));
    }

    /**
     * Selects objects with a label value.
     *
     * @param key the label key
     * @param value the value
     * @return the next step
     */
    public GivenObjects<T, R> haveLabel(String key, String value) {
        return are(DescribedPredicate.describe("have label " + key + "=" + value,
                t -> value.equals(t.labels().get(key))));
    }

    /**
     * Selects by kind, e.g. {@code ClusterRole}.
     *
     * @param kinds the kinds
     * @return the next step
     */
    public GivenObjects<T, R> areOfKind(String... kinds) {
        Set<String> set = Set.of(kinds);
        return are(DescribedPredicate.describe("are of kind " + String.join(" or ", kinds),
                t -> set.contains(t.resource().kind())));
    }

    private static String quoted(String... values) {
        return Arrays.stream(values).map(v -> "\"" + v + "\"").collect(Collectors.joining(" or "));
    }
}
