package io.github.policydsl.api.result;

import io.github.policydsl.api.Level;
import io.github.policydsl.api.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A report built one result at a time equals the report built from the whole list, in any order. */
class ReportBuilderTest {

    private static final List<InputInfo> INPUTS = List.of(new InputInfo("b.yaml", "manifest", 2),
            new InputInfo("a.yaml", "manifest", 2));
    private static final List<RuleInfo> RULES = List.of(info("r2"), info("r1"));

    private static RuleInfo info(String id) {
        return new RuleInfo(id, id + " holds", Severity.HIGH, Level.MUST, "");
    }

    /** Results with ties: equal location and rule but different subjects, outcomes and messages. */
    private static List<RuleResult> results(Random random, int n) {
        List<RuleResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String file = random.nextBoolean() ? "a.yaml" : "b.yaml";
            Location where = new Location(file, 1 + random.nextInt(5), 1 + random.nextInt(2));
            RuleInfo rule = info("r" + (1 + random.nextInt(3)));
            SubjectRef ref = new SubjectRef("v1", "Pod", "ns", "p" + random.nextInt(3), "");
            if (random.nextBoolean()) {
                out.add(new RuleResult(rule, ref, where, Outcome.PASS, List.of()));
            } else {
                out.add(new RuleResult(rule, ref, where, Outcome.FAIL, List.of(new Violation(rule.id(),
                        Severity.HIGH, Outcome.FAIL, "m" + random.nextInt(3), ref, where, FieldPath.root()))));
            }
        }
        return out;
    }

    private static Report built(List<RuleResult> results) {
        Report.Builder b = Report.builder(RULES, INPUTS);
        for (RuleResult r : results) {
            assertThat(b.add(r)).isSameAs(b);
        }
        assertThat(b.size()).isEqualTo(results.size());
        return b.build();
    }

    @Test
    void resultsInAnyOrderGiveTheConstructorsReport() {
        Random random = new Random(17);
        for (int round = 0; round < 200; round++) {
            List<RuleResult> results = results(random, random.nextInt(60));
            Report expected = new Report(results, RULES, INPUTS);
            Report actual = built(results);
            assertThat(actual.results()).isEqualTo(expected.results());
            // identical instances in identical places: ties keep the order they were added in
            for (int i = 0; i < results.size(); i++) {
                assertThat(actual.results().get(i)).isSameAs(expected.results().get(i));
            }
            assertThat(actual.rules()).isEqualTo(expected.rules());
            assertThat(actual.inputs()).isEqualTo(expected.inputs());
        }
    }

    @Test
    void resultsAddedInReportOrderStayInThatOrder() {
        List<RuleResult> sorted = new Report(results(new Random(3), 300), RULES, INPUTS).results();
        assertThat(built(sorted).results()).containsExactlyElementsOf(sorted);
        List<RuleResult> reversed = new ArrayList<>(sorted);
        Collections.reverse(reversed);
        assertThat(built(reversed).results()).isEqualTo(sorted);
    }

    @Test
    void theBuilderGoesOnAfterBuildingAndItsReportsDoNotChange() {
        List<RuleResult> results = results(new Random(5), 40);
        Report.Builder b = Report.builder(RULES, INPUTS);
        results.subList(0, 20).forEach(b::add);
        Report first = b.build();
        results.subList(20, 40).forEach(b::add);
        Report second = b.build();
        assertThat(first.results()).isEqualTo(new Report(results.subList(0, 20), RULES, INPUTS).results());
        assertThat(second.results()).isEqualTo(new Report(results, RULES, INPUTS).results());
        assertThatThrownBy(() -> first.results().add(results.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> b.add(null)).isInstanceOf(NullPointerException.class);
        assertThat(Report.builder(List.of(), List.of()).build().results()).isEmpty();
        for (int capacity : new int[] {-1, 0, 1, 7, 100}) { // a size hint only: the builder grows past it
            Report.Builder sized = Report.builder(RULES, INPUTS, capacity);
            results.forEach(sized::add);
            assertThat(sized.build().results()).isEqualTo(second.results());
        }
    }
}
