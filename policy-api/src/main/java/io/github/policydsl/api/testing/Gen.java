package io.github.policydsl.api.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of values of {@code T}, drawing every decision from {@link Choices}. Generators are
 * immutable and may be shared; they must build new objects on each call and never mutate shared
 * ones. Alternatives are ordered from simplest to most complex, because shrinking lowers choices
 * toward 0.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface Gen<T> {

    /**
     * Generates one value.
     *
     * @param choices the source of decisions
     * @return the value
     */
    T generate(Choices choices);

    /**
     * A generator from a function.
     *
     * @param f the function
     * @param <T> the value type
     * @return the generator
     */
    static <T> Gen<T> of(Gen<T> f) {
        return Objects.requireNonNull(f);
    }

    /**
     * Always the same value.
     *
     * @param value the value
     * @param <T> the value type
     * @return the generator
     */
    static <T> Gen<T> constant(T value) {
        return c -> value;
    }

    /**
     * An integer in {@code [min, max]}, shrinking toward {@code min}.
     *
     * @param min the least value
     * @param max the greatest value
     * @return the generator
     */
    static Gen<Integer> ints(int min, int max) {
        if (max < min) {
            throw new IllegalArgumentException("max < min");
        }
        long span = (long) max - min + 1;
        if (span > Integer.MAX_VALUE) {
            return c -> (int) (min + ((long) c.choose(Integer.MAX_VALUE) * 2 + c.choose(2)) % span);
        }
        return c -> min + c.choose((int) span);
    }

    /**
     * One of the values, shrinking toward the first.
     *
     * @param values the values, simplest first
     * @param <T> the value type
     * @return the generator
     */
    @SafeVarargs
    static <T> Gen<T> oneOf(T... values) {
        List<T> list = List.copyOf(Arrays.asList(values));
        return elements(list);
    }

    /**
     * One of the values of a list, shrinking toward the first.
     *
     * @param values the values, simplest first
     * @param <T> the value type
     * @return the generator
     */
    static <T> Gen<T> elements(List<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<T> list = List.copyOf(values);
        return c -> list.get(c.choose(list.size()));
    }

    /**
     * One of the generators, shrinking toward the first.
     *
     * @param gens the generators, simplest first
     * @param <T> the value type
     * @return the generator
     */
    @SafeVarargs
    static <T> Gen<T> oneOfGens(Gen<? extends T>... gens) {
        List<Gen<? extends T>> list = List.of(gens);
        return c -> list.get(c.choose(list.size())).generate(c);
    }

    /**
     * Booleans, shrinking toward false.
     *
     * @return the generator
     */
    static Gen<Boolean> booleans() {
        return c -> c.choose(2) == 1;
    }

    /**
     * Transforms values.
     *
     * @param f the function
     * @param <R> the result type
     * @return the generator
     */
    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return c -> f.apply(generate(c));
    }

    /**
     * Chooses a generator from a value.
     *
     * @param f the function
     * @param <R> the result type
     * @return the generator
     */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
        return c -> f.apply(generate(c)).generate(c);
    }

    /**
     * Absent (null) or a value; shrinks toward absent.
     *
     * @param probability the probability of a value
     * @return the generator
     */
    default Gen<T> optional(double probability) {
        return c -> c.chance(probability) ? generate(c) : null;
    }

    /**
     * Lists of {@code min..max} values, shrinking toward short lists.
     *
     * @param min the least size
     * @param max the greatest size
     * @return the generator
     */
    default Gen<List<T>> list(int min, int max) {
        Gen<Integer> size = ints(min, max);
        return c -> {
            int n = size.generate(c);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(generate(c));
            }
            return out;
        };
    }

    /**
     * Values that satisfy a predicate, retrying a bounded number of times.
     *
     * @param predicate the predicate
     * @return the generator
     * @throws IllegalStateException from {@code generate} if 100 tries fail
     */
    default Gen<T> filter(Predicate<? super T> predicate) {
        return c -> {
            for (int i = 0; i < 100; i++) {
                T v = generate(c);
                if (predicate.test(v)) {
                    return v;
                }
            }
            throw new IllegalStateException("filter rejected 100 values in a row");
        };
    }
}
