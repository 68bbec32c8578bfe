package io.github.policydsl.api.result;

import io.github.policydsl.api.Level;
import io.github.policydsl.api.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A result keeps an immutable, sorted snapshot of its violations, and shares a list that is one already. */
class RuleResultTest {

    private static final RuleInfo RULE = new RuleInfo("r", "rule", Severity.HIGH, Level.MUST, "");
    private static final SubjectRef SUBJECT = new SubjectRef("v1", "Pod", "ns", "p", "");
    private static final Location AT = new Location("f.yaml", 1, 1);

    private static Violation at(int line, String message) {
        return new Violation("r", Severity.HIGH, Outcome.FAIL, message, SUBJECT, new Location("f.yaml", line, 1),
                FieldPath.parse("spec.x" + line));
    }

    private static RuleResult fail(List<Violation> violations) {
        return new RuleResult(RULE, SUBJECT, AT, Outcome.FAIL, violations);
    }

    @Test
    void anImmutableListInOrderIsKeptAsItIs() {
        List<Violation> one = List.of(at(2, "a"));
        List<Violation> three = List.of(at(2, "a"), at(3, "b"), at(4, "c"));
        assertThat(fail(one).violations()).isSameAs(one);
        assertThat(fail(three).violations()).isSameAs(three);
        assertThat(new RuleResult(RULE, SUBJECT, AT, Outcome.PASS, List.of()).violations()).isEmpty();
    }

    @Test
    void aMutableListIsCopiedAndLaterChangesDoNotShow() {
        List<Violation> list = new ArrayList<>(List.of(at(2, "a"), at(3, "b")));
        RuleResult r = fail(list);
        list.add(at(1, "late"));
        list.set(0, at(9, "changed"));
        assertThat(r.violations()).extracting(Violation::message).containsExactly("a", "b");
        assertThatThrownBy(() -> r.violations().add(at(5, "x"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void violationsOutOfOrderAreSortedStably() {
        Violation first = at(3, "same");
        Violation second = new Violation("r", Severity.HIGH, Outcome.FAIL, "same", SUBJECT, new Location("f.yaml", 3, 1),
                FieldPath.parse("spec.x3"));
        List<Violation> in = List.of(at(7, "g"), first, at(1, "a"), second, at(5, "e"));
        List<Violation> out = fail(in).violations();
        assertThat(out).extracting(v -> v.location().line()).containsExactly(1, 3, 3, 5, 7);
        assertThat(out.get(1)).isSameAs(first);
        assertThat(out.get(2)).isSameAs(second);
        for (int n = 2; n <= 8; n++) {
            Violation[] reversed = new Violation[n];
            for (int i = 0; i < n; i++) {
                reversed[i] = at(n - i, "m" + (n - i));
            }
            assertThat(fail(Arrays.asList(reversed)).violations()).isSorted();
        }
    }

    @Test
    void nullsAndInconsistentOutcomesAreRejected() {
        assertThatThrownBy(() -> fail(null)).isInstanceOf(NullPointerException.class).hasMessage("violations");
        assertThatThrownBy(() -> fail(Arrays.asList(at(1, "a"), null))).isInstanceOf(NullPointerException.class)
                .hasMessage("violation");
        assertThatThrownBy(() -> fail(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleResult(RULE, SUBJECT, AT, Outcome.PASS, List.of(at(1, "a"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
