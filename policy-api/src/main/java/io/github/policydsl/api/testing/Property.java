package io.github.policydsl.api.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property runner for plain JUnit (or any test framework): generate values, check a
 * property, and on failure shrink the counterexample by shortening and lowering its recorded
 * choices, then report the minimal one with the seed.
 *
 * <pre>{@code
 * Property.forAll(K8sGenerators.pods())
 *         .tries(300)
 *         .printer(K8sGenerators::toYaml)
 *         .check(pod -> assertThat(...));
 * }</pre>
 *
 * Immutable: each method returns a new runner.
 *
 * @param <T> the value type
 */
public final class Property<T> {

    private final Gen<T> gen;
    private final int tries;
    private final long seed;
    private final Function<? super T, String> printer;
    private final int maxShrinks;

    private Property(Gen<T> gen, int tries, long seed, Function<? super T, String> printer, int maxShrinks) {
        this.gen = gen;
        this.tries = tries;
        this.seed = seed;
        this.printer = printer;
        this.maxShrinks = maxShrinks;
    }

    /**
     * A property over a generator: 100 tries, seed from the system property
     * {@code policydsl.seed} or else fixed at 42 so that runs are repeatable.
     *
     * @param gen the generator
     * @param <T> the value type
     * @return the runner
     */
    public static <T> Property<T> forAll(Gen<T> gen) {
        String s = System.getProperty("policydsl.seed");
        long seed = s == null ? 42L : Long.parseLong(s.trim());
        return new Property<>(Objects.requireNonNull(gen), 100, seed, String::valueOf, 2_000);
    }

    /**
     * Sets the number of tries.
     *
     * @param n the number of generated values
     * @return a new runner
     */
    public Property<T> tries(int n) {
        return new Property<>(gen, n, seed, printer, maxShrinks);
    }

    /**
     * Sets the seed.
     *
     * @param newSeed the seed
     * @return a new runner
     */
    public Property<T> seed(long newSeed) {
        return new Property<>(gen, tries, newSeed, printer, maxShrinks);
    }

    /**
     * Sets how a counterexample is printed (e.g. as YAML).
     *
     * @param newPrinter the printer
     * @return a new runner
     */
    public Property<T> printer(Function<? super T, String> newPrinter) {
        return new Property<>(gen, tries, seed, Objects.requireNonNull(newPrinter), maxShrinks);
    }

    /**
     * Checks the property on every generated value.
     *
     * @param property throws (e.g. an AssertionError) when the property does not hold
     * @throws PropertyFailure with the shrunk counterexample
     */
    public void check(Consumer<? super T> property) {
        for (int i = 0; i < tries; i++) {
            Choices choices = Choices.random(seed + i * 0x9E3779B97F4A7C15L);
            T value = gen.generate(choices);
            Throwable failure = failureOf(property, value);
            if (failure != null) {
                Shrunk<T> shrunk = shrink(choices.recorded(), value, failure, property);
                String message = "property failed after " + (i + 1) + " tries (seed " + seed + ", "
                        + shrunk.steps + " shrink steps)\nminimal counterexample:\n"
                        + printer.apply(shrunk.value) + "\nfailure: " + shrunk.failure
                        + "\nreplay with Choices.replay(" + shrunk.choices + ") or -Dpolicydsl.seed=" + seed;
                throw new PropertyFailure(message, shrunk.failure, shrunk.value, seed, shrunk.choices);
            }
        }
    }

    private static <T> Throwable failureOf(Consumer<? super T> property, T value) {
        try {
            property.accept(value);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }

    private record Shrunk<T>(T value, List<Integer> choices, Throwable failure, int steps) {
    }

    private Shrunk<T> shrink(List<Integer> start, T value, Throwable failure, Consumer<? super T> property) {
        List<Integer> best = start;
        T bestValue = value;
        Throwable bestFailure = failure;
        int steps = 0;
        int attempts = 0;
        boolean improved = true;
        while (improved && attempts < maxShrinks) {
            improved = false;
            for (List<Integer> candidate : candidates(best)) {
                if (attempts++ >= maxShrinks) {
                    break;
                }
                T v;
                Choices replay = Choices.replay(candidate);
                try {
                    v = gen.generate(replay);
                } catch (RuntimeException e) {
                    continue;
                }
                Throwable f = failureOf(property, v);
                List<Integer> used = replay.recorded();
                if (f != null && simpler(used, best)) {
                    best = used;
                    bestValue = v;
                    bestFailure = f;
                    steps++;
                    improved = true;
                    break;
                }
            }
        }
        return new Shrunk<>(bestValue, best, bestFailure, steps);
    }

    private static boolean simpler(List<Integer> a, List<Integer> b) {
        if (a.size() != b.size()) {
            return a.size() < b.size();
        }
        for (int i = 0; i < a.size(); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c < 0;
            }
        }
        return false;
    }

    private static List<List<Integer>> candidates(List<Integer> choices) {
        List<List<Integer>> out = new ArrayList<>();
        int n = choices.size();
        for (int size = Math.max(1, n / 2); size >= 1; size /= 2) {
            for (int i = 0; i + size <= n; i++) {
                List<Integer> c = new ArrayList<>(choices.subList(0, i));
                c.addAll(choices.subList(i + size, n));
                out.add(c);
                // a deleted chunk is often counted by an earlier choice (a list size): lower it too
                for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
                    if (c.get(j) > 0) {
                        List<Integer> d = new ArrayList<>(c);
                        d.set(j, c.get(j) - 1);
                        out.add(d);
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int v = choices.get(i);
            for (int k = v; k >= 1; k /= 2) {
                List<Integer> lower = new ArrayList<>(choices);
                lower.set(i, v - k);
                out.add(lower);
            }
        }
        return out;
    }
}
