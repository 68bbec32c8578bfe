package io.github.policydsl.api.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The source of every random decision a {@link Gen} makes, recorded as a sequence of small
 * non-negative integers. A generator that draws only from {@code Choices} can be replayed from the
 * recording, and a failing example can be shrunk by shortening and lowering the recorded
 * choices and generating again: every shrunk value is valid by construction, and generators shrink
 * toward their first alternative ({@code 0}), e.g. toward absent optional fields and short lists.
 *
 * <p>Three sources exist: random (from a seed), replay (a fixed recording; reading past its end
 * yields 0), and any external byte source such as a fuzzer ({@link #fromInts}). Not thread-safe:
 * one instance per generated value.
 */
public final class Choices {

    /** The most choices one value may draw, to keep generation bounded. */
    public static final int MAX_CHOICES = 100_000;

    private final SplittableRandom random;
    private final int[] replay;
    private final java.util.function.IntUnaryOperator external;
    private final List<Integer> recorded = new ArrayList<>();

    private Choices(SplittableRandom random, int[] replay, java.util.function.IntUnaryOperator external) {
        this.random = random;
        this.replay = replay;
        this.external = external;
    }

    /**
     * Random choices from a seed.
     *
     * @param seed the seed
     * @return a fresh source
     */
    public static Choices random(long seed) {
        return new Choices(new SplittableRandom(seed), null, null);
    }

    /**
     * Replays a recording; choices past its end are 0, and choices above the bound are reduced
     * modulo the bound.
     *
     * @param recording the recorded choices
     * @return a fresh source
     */
    public static Choices replay(List<Integer> recording) {
        return new Choices(null, recording.stream().mapToInt(Integer::intValue).toArray(), null);
    }

    /**
     * Choices from an external source, e.g. a fuzzer's data provider: {@code source} receives the
     * exclusive bound and returns a value in {@code [0, bound)}.
     *
     * @param source the source of values
     * @return a fresh source
     */
    public static Choices fromInts(java.util.function.IntUnaryOperator source) {
        return new Choices(null, null, source);
    }

    /**
     * Draws a value in {@code [0, bound)}.
     *
     * @param bound the exclusive upper bound, at least 1
     * @return the choice
     * @throws GenerationLimitException if the value drew more than {@link #MAX_CHOICES} choices
     */
    public int choose(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1: " + bound);
        }
        if (recorded.size() >= MAX_CHOICES) {
            throw new GenerationLimitException("a value drew more than " + MAX_CHOICES + " choices");
        }
        int v;
        if (random != null) {
            v = random.nextInt(bound);
        } else if (replay != null) {
            int i = recorded.size();
            v = i < replay.length ? Math.floorMod(replay[i], bound) : 0;
        } else {
            v = Math.floorMod(external.applyAsInt(bound), bound);
        }
        recorded.add(v);
        return v;
    }

    /**
     * Draws true with a probability.
     *
     * @param probability between 0 and 1
     * @return the choice; shrinks toward false
     */
    public boolean chance(double probability) {
        int scale = 1000;
        return choose(scale) >= Math.round((1.0 - probability) * scale);
    }

    /** The choices drawn so far. */
    public List<Integer> recorded() {
        return List.copyOf(recorded);
    }

    /** Thrown when generation draws too many choices. */
    public static final class GenerationLimitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GenerationLimitException(String message) {
            super(message);
        }
    }
}
