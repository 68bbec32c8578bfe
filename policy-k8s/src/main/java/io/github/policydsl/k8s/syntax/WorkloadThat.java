package io.github.policydsl.k8s.syntax;

import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.k8s.PodTemplate;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Selection predicates shared by {@code pods().that()} and {@code containers().that()}: they test
 * the pod template (of the container). Each method adds a predicate with the pending
 * {@code and}/{@code or} and returns the conjunction step.
 *
 * @param <T> the subject type
 * @param <C> the conjunction step returned
 */
public abstract class WorkloadThat<T, C> {

    private final Function<T, PodTemplate> pod;

    /**
     * Creates the step.
     *
     * @param pod finds the pod template of a subject
     */
    protected WorkloadThat(Function<T, PodTemplate> pod) {
        this.pod = Objects.requireNonNull(pod, "pod");
    }

    /**
     * Adds a predicate.
     *
     * @param predicate the predicate
     * @return the next step
     */
    protected abstract C add(DescribedPredicate<? super T> predicate);

    private C onPod(String description, java.util.function.Predicate<PodTemplate> test) {
        return add(DescribedPredicate.<T>describe(description, t -> test.test(pod.apply(t))));
    }

    /**
     * Selects by namespace (objects without one are in {@code default}).
     *
     * @param namespaces one or more namespaces
     * @return the next step
     */
    public C areInNamespace(String... namespaces) {
        Set<String> set = Set.of(namespaces);
        return onPod("are in namespace " + quoted(namespaces), p -> set.contains(p.namespace()));
    }

    /**
     * Excludes namespaces.
     *
     * @param namespaces one or more namespaces
     * @return the next step
     */
    public C areNotInNamespace(String... namespaces) {
        Set<String> set = Set.of(namespaces);
        return onPod("are not in namespace " + quoted(namespaces), p -> !set.contains(p.namespace()));
    }

    /**
     * Selects pod templates with a label value.
     *
     * @param key the label key
     * @param value the value
     * @return the next step
     */
    public C haveLabel(String key, String value) {
        return onPod("have label " + key + "=" + value, p -> value.equals(p.labels().get(key)));
    }

    /**
     * Selects pod templates that carry a label, with any value.
     *
     * @param key the label key
     * @return the next step
     */
    public C haveLabel(String key) {
        return onPod("have label " + key, p -> p.labels().containsKey(key));
    }

    /**
     * Selects pod templates with an annotation value.
     *
     * @param key the annotation key
     * @param value the value
     * @return the next step
     */
    public C haveAnnotation(String key, String value) {
        return onPod("have annotation " + key + "=" + value, p -> value.equals(p.annotations().get(key)));
    }

    /**
     * Selects by the owning object's kind.
     *
     * @param kinds e.g. {@code Deployment}, {@code CronJob}
     * @return the next step
     */
    public C areOwnedBy(String... kinds) {
        Set<String> set = Set.of(kinds);
        return onPod("are owned by a " + String.join(" or ", kinds), p -> set.contains(p.kind()));
    }

    /**
     * Excludes owning kinds.
     *
     * @param kinds e.g. {@code Job}
     * @return the next step
     */
    public C areNotOwnedBy(String... kinds) {
        Set<String> set = Set.of(kinds);
        return onPod("are not owned by a " + String.join(" or ", kinds), p -> !set.contains(p.kind()));
    }

    /**
     * Selects by the owning object's name.
     *
     * @param names the names
     * @return the next step
     */
    public C haveOwnerNamed(String... names) {
        Set<String> set = Set.of(names);
        return onPod("have owner named " + quoted(names), p -> set.contains(p.name()));
    }

    /**
     * Any custom predicate.
     *
     * @param predicate the predicate
     * @return the next step
     */
    public C are(DescribedPredicate<? super T> predicate) {
        return add(predicate);
    }

    static String quoted(String... values) {
        List<String> q = Arrays.stream(values).map(v -> "\"" + v + "\"").toList();
        return String.join(" or ", q);
    }
}
