package io.github.policydsl.api.exemption;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * User-supplied globs (--include-rule, --exclude-rule, exemption files) cannot make matching
 * explode. A regex translation of {@code *a*a*...*b} backtracks polynomially in the number of
 * stars on a long run of {@code a}s (hours for the case below); the matcher is bounded by pattern
 * length times text length. The timeout is only a hang detector, far above the expected time.
 */
class RuleIdPatternSafetyTest {

    @Test
    void pathologicalGlobsMatchInBoundedTime() {
        String glob = "*a".repeat(30) + "*b";
        String text = "a".repeat(20_000);
        RuleIdPattern p = RuleIdPattern.of(glob);
        boolean[] result = new boolean[2];
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            result[0] = p.matches(text);
            result[1] = p.matches(text + "b");
        });
        assertThat(result[0]).isFalse();
        assertThat(result[1]).isTrue();
    }

    @Test
    void globSemanticsAreUnchanged() {
        assertThat(RuleIdPattern.of("k8s.image-*").matches("k8s.image-digest")).isTrue();
        assertThat(RuleIdPattern.of("k8s.image-*").matches("k8s.images")).isFalse();
        assertThat(RuleIdPattern.of("k8s.*").matches("k8s.")).isTrue();
        assertThat(RuleIdPattern.of("*").matches("")).isTrue();
        assertThat(RuleIdPattern.of("a?c").matches("abc")).isTrue();
        assertThat(RuleIdPattern.of("a?c").matches("ac")).isFalse();
        assertThat(RuleIdPattern.of("a?c").matches("a\uD83D\uDE00c")).isTrue();
        assertThat(RuleIdPattern.of("*x*y").matches("axbxcy")).isTrue();
        assertThat(RuleIdPattern.of("*x*y").matches("axbxcyz")).isFalse();
        assertThat(RuleIdPattern.of("a.b").matches("axb")).isFalse();
        assertThat(RuleIdPattern.of("[a]").matches("[a]")).isTrue();
        assertThat(RuleIdPattern.of("**").matches("anything")).isTrue();
    }
}
