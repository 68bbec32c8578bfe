package io.github.policydsl.api.result;

import io.github.policydsl.api.Level;
import io.github.policydsl.api.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Merging reports gives the order of one report over all their results, however they are split. */
class ReportMergeTest {

    private static final List<InputInfo> INPUTS = List.of(new InputInfo("a.yaml", "manifest", 3),
            new InputInfo("b.yaml", "manifest", 3));

    private static RuleResult result(String file, int line, String rule, boolean fail) {
        RuleInfo info = new RuleInfo(rule, rule + " holds", Severity.HIGH, Level.MUST, "");
        SubjectRef ref = new SubjectRef("v1", "Pod", "ns", "p" + line, "");
        Location where = new Location(file, line, 1);
        return fail ? new RuleResult(info, ref, where, Outcome.FAIL,
                List.of(new Violation(rule, Severity.HIGH, Outcome.FAIL, "bad", ref, where, FieldPath.root())))
                : new RuleResult(info, ref, where, Outcome.PASS, List.of());
    }

    private static List<RuleResult> all() {
        List<RuleResult> out = new ArrayList<>();
        for (String file : List.of("a.yaml", "b.yaml")) {
            for (int line = 1; line <= 40; line++) {
                for (String rule : List.of("r1", "r2", "r3")) {
                    out.add(result(file, line, rule, (line + rule.hashCode()) % 3 == 0));
                }
            }
        }
        return out;
    }

    private static Report of(List<RuleResult> results) {
        return new Report(results, List.of(), INPUTS);
    }

    @Test
    void consecutiveChunksAreConcatenatedInOrderWhateverTheOrderOfTheParts() {
        List<RuleResult> all = all();
        Report whole = of(all);
        List<Report> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 37) {
            chunks.add(of(all.subList(from, Math.min(all.size(), from + 37))));
        }
        Collections.reverse(chunks);
        chunks.add(Report.empty());
        assertThat(Report.merge(chunks).results()).isEqualTo(whole.results());
    }

    @Test
    void interleavedPartsAreSortedTogether() {
        List<RuleResult> all = all();
        Report whole = of(all);
        List<RuleResult> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(8));
        List<Report> parts = List.of(of(shuffled.subList(0, 50)), of(shuffled.subList(50, 170)),
                of(shuffled.subList(170, shuffled.size())));
        assertThat(Report.merge(parts).results()).isEqualTo(whole.results());
        assertThat(Report.merge(List.of(parts.get(1))).results()).isEqualTo(parts.get(1).results());
    }
}
