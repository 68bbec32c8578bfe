package io.github.policydsl.api.testing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * Drives our generators from Jazzer's coverage-guided fuzzer: every choice a {@link Gen} makes is
 * read from the fuzzer's data, so the fuzzer explores the generator's decisions and the same
 * generators serve property tests and fuzzing. Needs {@code com.code-intelligence:jazzer-api}
 * (an optional dependency).
 *
 * <pre>{@code
 * @FuzzTest
 * void policyNeverThrows(FuzzedDataProvider data) {
 *     Pod pod = K8sGenerators.pods().generate(JazzerChoices.from(data));
 *     policy.evaluate(Manifests.of(pod));
 * }
 * }</pre>
 */
public final class JazzerChoices {

    private JazzerChoices() {
    }

    /**
     * Choices read from a fuzzer's data; when the data runs out, every choice is 0 (the simplest).
     *
     * @param data the fuzzer's data provider
     * @return a fresh source of choices
     */
    public static Choices from(FuzzedDataProvider data) {
        return Choices.fromInts(bound -> data.remainingBytes() == 0 ? 0 : data.consumeInt(0, bound - 1));
    }
}
