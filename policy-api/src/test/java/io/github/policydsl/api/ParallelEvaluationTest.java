package io.github.policydsl.api;

import io.github.policydsl.api.Fixtures.Box;
import io.github.policydsl.api.Fixtures.Boxes;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.syntax.RuleDefinition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.github.policydsl.api.Fixtures.BOXES;
import static io.github.policydsl.api.Fixtures.beEven;
import static io.github.policydsl.api.Fixtures.beSmallerThan;
import static io.github.policydsl.api.Fixtures.bigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelEvaluationTest {

    private static Boxes input() {
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            boxes.add(new Box("box-" + i, (i * 7919) % 101, i + 1));
        }
        return new Boxes(boxes, List.of());
    }

    private static Policy<Boxes> policy() {
        return Policy.<Boxes>named("boxes", "1").include(
                RuleDefinition.all(BOXES).must(beEven()).withId("even"),
                RuleDefinition.all(BOXES).should(beSmallerThan(50)).withId("small"),
                RuleDefinition.all(BOXES).that(bigger(10)).mustNot().satisfy(beEven()).withId("odd-big"),
                RuleDefinition.all(BOXES).that(bigger(1000)).must(beEven()).withId("empty-selection"));
    }

    @Test
    void parallelReportEqualsSequentialReport() {
        Boxes in = input();
        Report sequential = policy().evaluate(in);
        for (int threads : new int[] {2, 3, 8}) {
            Report parallel = policy().evaluateParallel(in, threads);
            assertThat(parallel.results()).isEqualTo(sequential.results());
            assertThat(parallel.rules()).isEqualTo(sequential.rules());
            assertThat(parallel.inputs()).isEqualTo(sequential.inputs());
            assertThat(parallel.violations()).isEqualTo(sequential.violations());
        }
    }

    /**
     * A source that finds its subjects by parts: parallel tasks extract the subjects of their own
     * range of parts (every box with an odd size here), and the report equals the sequential one.
     */
    @Test
    void aSourceWithPartsIsSplitByPartsAndGivesTheSameReport() {
        java.util.concurrent.atomic.AtomicInteger ranges = new java.util.concurrent.atomic.AtomicInteger();
        SubjectSource<Boxes, Box> odd = SubjectSource.of("odd boxes",
                in -> in.boxes().stream().filter(b -> b.size() % 2 == 1).toList(),
                new SubjectSource.Parts<Boxes, Box>() {
                    @Override
                    public int count(Boxes in) {
                        return in.boxes().size();
                    }

                    @Override
                    public List<Box> subjects(Boxes in, int from, int to) {
                        ranges.incrementAndGet();
                        return in.boxes().subList(from, to).stream().filter(b -> b.size() % 2 == 1).toList();
                    }
                });
        Policy<Boxes> policy = Policy.<Boxes>named("odd", "1").include(
                RuleDefinition.all(odd).must(beSmallerThan(60)).withId("small"),
                RuleDefinition.all(odd).that(bigger(90)).must(beEven()).withId("big-even"),
                RuleDefinition.all(odd).that(bigger(1000)).must(beEven()).withId("none"));
        Boxes in = input();
        Report sequential = policy.evaluate(in);
        assertThat(ranges).hasValue(0);
        assertThat(sequential.results()).hasSizeGreaterThan(250);
        for (int n : new int[] {2, 3}) {
            ranges.set(0);
            Report parallel = policy.evaluateParallel(in, n);
            assertThat(parallel.results()).isEqualTo(sequential.results());
            assertThat(parallel.rules()).isEqualTo(sequential.rules());
            assertThat(ranges.get()).as("ranges extracted, one per chunk").isGreaterThan(n);
        }
        assertThat(odd.parts()).isPresent();
        assertThat(BOXES.parts()).isEmpty();
    }

    /** The rules one by one, as evaluation worked before rules over one source shared a pass. */
    private static Report oneByOne(Policy<Boxes> policy, Boxes in) {
        List<Report> parts = new ArrayList<>();
        parts.add(new Report(in.loadErrors(), List.of(), in.inputs()));
        for (Rule<Boxes> r : policy.rules()) {
            parts.add(r.evaluateRuleOnly(in));
        }
        return Report.merge(parts);
    }

    /** A rule that is not a PerSubjectRule, so the policy evaluates it on its own. */
    private static Rule<Boxes> opaque(Rule<Boxes> inner) {
        return new Rule<>() {
            @Override
            public String id() {
                return inner.id() + "-opaque";
            }

            @Override
            public String description() {
                return inner.description();
            }

            @Override
            public Severity severity() {
                return inner.severity();
            }

            @Override
            public Level level() {
                return inner.level();
            }

            @Override
            public String remediation() {
                return inner.remediation();
            }

            @Override
            public Report evaluate(Boxes input) {
                return inner.evaluate(input);
            }

            @Override
            public Report evaluateRuleOnly(Boxes input) {
                Report r = inner.evaluateRuleOnly(input);
                return r.withResults(r.results().stream().map(x -> new io.github.policydsl.api.result.RuleResult(
                        info(), x.subject(), x.location(), x.outcome(), x.violations())).toList(), List.of(info()));
            }
        };
    }

    @Test
    void rulesOverOneSourceShareOnePassAndGiveTheReportOfRulesEvaluatedOneByOne() {
        SubjectSource<Boxes, Box> otherSource = SubjectSource.of("boxes again", Boxes::boxes);
        Policy<Boxes> mixed = policy().include(
                RuleDefinition.all(otherSource).should(beSmallerThan(30)).withId("a-other-source"),
                opaque(RuleDefinition.all(BOXES).must(beEven()).withId("z")),
                RuleDefinition.all(BOXES).that(bigger(2000)).must(beEven()).withId("b-empty-but-allowed")
                        .allowEmptyShould(true));
        Boxes in = input();
        Report expected = oneByOne(mixed, in);
        assertThat(expected.results()).extracting(r -> r.rule().id()).contains("empty-selection", "z-opaque",
                "a-other-source").doesNotContain("b-empty-but-allowed");
        assertThat(mixed.evaluate(in).results()).isEqualTo(expected.results());
        assertThat(mixed.evaluate(in).rules()).isEqualTo(expected.rules());
        for (int threads : new int[] {2, 5}) {
            assertThat(mixed.evaluateParallel(in, threads).results()).isEqualTo(expected.results());
        }
        Boxes none = new Boxes(List.of(), List.of());
        assertThat(mixed.evaluate(none).results()).isEqualTo(oneByOne(mixed, none).results());
        assertThat(mixed.evaluateParallel(none, 2).results()).isEqualTo(oneByOne(mixed, none).results());
    }

    @Test
    void anExecutorOfTheCallersChoiceGivesTheSameReport() {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Boxes in = input();
            assertThat(policy().evaluate(in, pool).results()).isEqualTo(policy().evaluate(in).results());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingRuleFailsTheParallelEvaluationWithTheSameException() {
        Policy<Boxes> broken = Policy.<Boxes>named("broken", "1").include(
                RuleDefinition.all(BOXES).must(beEven()).withId("even"),
                RuleDefinition.all(BOXES).must().withId("no-condition"));
        assertThatThrownBy(() -> broken.evaluate(input())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> broken.evaluateParallel(input(), 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no condition");
        Boxes none = new Boxes(List.of(), List.of());
        assertThatThrownBy(() -> broken.evaluate(none)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no condition");
        assertThatThrownBy(() -> broken.evaluateParallel(none, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no condition");
    }

    @Test
    void onePolicyEvaluatedFromManyThreadsAtOnceGivesIdenticalReports() throws Exception {
        Boxes in = input();
        Policy<Boxes> shared = policy();
        Report expected = shared.evaluate(in);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Report>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(pool.submit(() -> shared.evaluate(in)));
            }
            for (java.util.concurrent.Future<Report> f : futures) {
                assertThat(f.get().results()).isEqualTo(expected.results());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void chunksCoverEverySubjectOnceAndShrinkTowardsTheEnd() {
        for (int n = 0; n <= 3000; n += n < 40 ? 1 : 97) {
            for (int tasks : new int[] {1, 2, 16, 64}) {
                int[] b = Batch.bounds(n, tasks);
                assertThat(b[0]).as("n=%d tasks=%d", n, tasks).isZero();
                assertThat(b[b.length - 1]).as("n=%d tasks=%d", n, tasks).isEqualTo(n);
                for (int i = 1; i < b.length; i++) {
                    assertThat(b[i]).as("n=%d tasks=%d chunk %d", n, tasks, i).isGreaterThan(b[i - 1]);
                    if (i > 1) {
                        assertThat(b[i] - b[i - 1]).as("n=%d tasks=%d chunk %d", n, tasks, i)
                                .isLessThanOrEqualTo(b[i - 1] - b[i - 2]);
                    }
                }
                assertThat(b.length - 1).as("n=%d tasks=%d", n, tasks).isLessThanOrEqualTo(Math.max(tasks, 1));
            }
        }
    }
}
