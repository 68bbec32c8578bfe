package io.github.policydsl.api;

import io.github.policydsl.api.Fixtures.Box;
import io.github.policydsl.api.Fixtures.Boxes;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.LoadError;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.PolicyViolationError;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.syntax.RuleDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.github.policydsl.api.Fixtures.BOXES;
import static io.github.policydsl.api.Fixtures.beEven;
import static io.github.policydsl.api.Fixtures.beSmallerThan;
import static io.github.policydsl.api.Fixtures.bigger;
import static io.github.policydsl.api.Fixtures.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleGrammarTest {

    private static final Boxes INPUT = Boxes.of(new Box("a", 2, 1), new Box("b", 7, 2), new Box("c", 12, 3));

    @Test
    void sentenceIsBuiltFromTheChain() {
        Rule<Boxes> rule = RuleDefinition.all(BOXES).that(bigger(1)).must(beSmallerThan(10)).satisfy(beEven())
                .because("shelves are small");
        assertThat(rule.description())
                .isEqualTo("boxes that are bigger than 1 must be smaller than 10 and be even, because shelves are small");
        assertThat(rule.id()).isEqualTo("custom.boxes-that-are-bigger-than-1-must-be-smaller-than-10-and-be-even-because-shelves");
    }

    @Test
    void mixedAndOrGetParenthesesAndEvaluateLeftToRight() {
        Rule<Boxes> rule = RuleDefinition.all(BOXES).that(named("a")).or(named("c")).and(bigger(5))
                .must(beSmallerThan(100));
        assertThat(rule.description()).isEqualTo("boxes that (are named a or are named c) and are bigger than 5 must be smaller than 100");
        assertThat(rule.evaluate(INPUT).results()).extracting(r -> r.subject().name()).containsExactly("c");
    }

    @Test
    void asWithIdSeverityAndRemediation() {
        Rule<Boxes> rule = RuleDefinition.all(BOXES).must(beEven()).as("boxes are even").withId("box.even")
                .withSeverity(Severity.HIGH).withRemediation("add one");
        assertThat(rule.description()).isEqualTo("boxes are even");
        assertThat(rule.id()).isEqualTo("box.even");
        assertThat(rule.info().severity()).isEqualTo(Severity.HIGH);
        assertThat(rule.remediation()).isEqualTo("add one");
    }

    @Test
    void rulesAreImmutableValues() {
        var base = RuleDefinition.all(BOXES).must(beEven());
        var withReason = base.because("x");
        assertThat(base.description()).isEqualTo("boxes must be even");
        assertThat(withReason.description()).isEqualTo("boxes must be even, because x");
    }

    @Test
    void everyViolationOfASubjectIsKeptInOrderHoweverMany() {
        for (int n = 1; n <= 7; n++) {
            int count = n;
            Condition<Box> many = Condition.of("have " + n + " problems", (b, events) -> {
                for (int i = count; i >= 1; i--) { // recorded in reverse order
                    events.violated(FieldPath.parse("part" + i), "problem " + i);
                }
            });
            // split over two conditions as well: the violations of a result come from all of them
            Condition<Box> more = Condition.of("have one more", (b, events) -> events.violated(FieldPath.parse("part0"),
                    "problem 0"));
            RuleResult one = RuleDefinition.all(BOXES).must(many).evaluate(INPUT).results().get(0);
            RuleResult two = RuleDefinition.all(BOXES).must(many).satisfy(more).evaluate(INPUT).results().get(0);
            assertThat(one.violations()).as("%d violations", n).extracting(v -> v.message())
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "problem " + i)
                            .toList());
            assertThat(two.violations()).as("%d + 1 violations", n).extracting(v -> v.message())
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(0, n).mapToObj(i -> "problem " + i)
                            .toList());
        }
    }

    @Test
    void mustFailsShouldWarns() {
        Report must = RuleDefinition.all(BOXES).must(beEven()).evaluate(INPUT);
        Report should = RuleDefinition.all(BOXES).should(beEven()).evaluate(INPUT);
        assertThat(must.results()).extracting(r -> r.outcome()).containsExactly(Outcome.PASS, Outcome.FAIL, Outcome.PASS);
        assertThat(should.results()).extracting(r -> r.outcome()).containsExactly(Outcome.PASS, Outcome.WARN, Outcome.PASS);
        assertThat(should.isCompliant()).isTrue();
        assertThat(must.isCompliant()).isFalse();
    }

    @Test
    void mustNotNegatesEveryCondition() {
        var rule = RuleDefinition.all(BOXES).mustNot().satisfy(beEven()).satisfy(beSmallerThan(10));
        assertThat(rule.description()).isEqualTo("boxes must not be even and not be smaller than 10");
        Report r = rule.evaluate(INPUT);
        // a: even and small -> violates both; b: odd but small -> violates the second; c: even -> violates the first
        assertThat(r.results()).extracting(x -> x.outcome()).containsExactly(Outcome.FAIL, Outcome.FAIL, Outcome.FAIL);
        assertThat(r.results().get(0).violations()).extracting(v -> v.message())
                .containsExactly("is 2, smaller than 10", "is even");
        Report none = RuleDefinition.all(BOXES).mustNot().satisfy(beSmallerThan(5)).evaluate(INPUT);
        assertThat(none.results()).extracting(x -> x.outcome()).containsExactly(Outcome.FAIL, Outcome.PASS, Outcome.PASS);
    }

    /** Negation of each kind of outcome: errors stay errors, not-applicable stays skipped, nothing recorded fails. */
    @Test
    void mustNotKeepsErrorsAndSkipsAndFailsWhereNothingWasChecked() {
        Condition<Box> errs = Condition.of("be readable", (b, e) -> {
            e.satisfied(b.path(), "read");
            e.error(b.path(), "unreadable " + b.name());
        });
        Condition<Box> na = Condition.of("be weighed", (b, e) -> e.forPart("lid").notApplicable(b.path(), "no scale"));
        Condition<Box> silent = Condition.of("be silent", (b, e) -> { });
        Condition<Box> counted = Condition.of("be counted", (b, e) -> {
            ConditionEvents only = ConditionEvents.violationsOnly();
            only.satisfied();
            e.addAll(only); // a satisfied check that was only counted, never kept
        });
        RuleResult error = RuleDefinition.all(BOXES).mustNot().satisfy(errs).evaluate(INPUT).results().get(0);
        assertThat(error.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(error.violations()).extracting(v -> v.message()).containsExactly("unreadable a");
        RuleResult skip = RuleDefinition.all(BOXES).mustNot().satisfy(na).evaluate(INPUT).results().get(0);
        assertThat(skip.outcome()).isEqualTo(Outcome.SKIP);
        assertThat(skip.violations()).singleElement().satisfies(v -> {
            assertThat(v.message()).isEqualTo("not applicable: no scale");
            assertThat(v.subject().container()).isEmpty();
        });
        for (Condition<Box> nothing : List.of(silent, counted)) {
            RuleResult fail = RuleDefinition.all(BOXES).mustNot().satisfy(nothing).evaluate(INPUT).results().get(0);
            assertThat(fail.outcome()).as(nothing.description()).isEqualTo(Outcome.FAIL);
            assertThat(fail.violations()).extracting(v -> v.message()).containsExactly("does " + nothing.description());
        }
    }

    @Test
    void emptySelectionFailsUnlessAllowed() {
        var rule = RuleDefinition.all(BOXES).that(named("zzz")).must(beEven());
        Report r = rule.evaluate(INPUT);
        assertThat(r.results()).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(x.violations().get(0).message()).contains("no boxes that are named zzz were found")
                    .contains("allowEmptyShould(true)");
        });
        assertThat(rule.allowEmptyShould(true).evaluate(INPUT).results()).isEmpty();
    }

    @Test
    void aConditionThatThrowsGivesAnErrorNotAPass() {
        Condition<Box> broken = Condition.of("be inspected", (b, e) -> {
            throw new IllegalStateException("boom");
        });
        Report r = RuleDefinition.all(BOXES).must(broken).evaluate(INPUT);
        assertThat(r.results()).allSatisfy(x -> assertThat(x.outcome()).isEqualTo(Outcome.ERROR));
        assertThat(r.violations().get(0).message()).contains("boom");
    }

    @Test
    void notApplicableEverywhereIsSkip() {
        Condition<Box> na = Condition.of("be wrapped", (b, e) -> e.notApplicable(FieldPath.root(), "boxes are never wrapped"));
        Report r = RuleDefinition.all(BOXES).must(na).evaluate(INPUT);
        assertThat(r.summary().skip()).isEqualTo(3);
        assertThat(r.isCompliant()).isTrue();
    }

    @Test
    void loadErrorsAreReportedOnceAsErrors() {
        Boxes broken = new Boxes(List.of(new Box("a", 2, 1)),
                List.of(LoadError.inFile("bad.txt", 4, 2, "cannot parse").toResult()));
        Rule<Boxes> rule = RuleDefinition.all(BOXES).must(beEven());
        Report r = rule.evaluate(broken);
        assertThat(r.summary().error()).isEqualTo(1);
        Report p = Policy.<Boxes>named("p", "1").include(rule, RuleDefinition.all(BOXES).must(beSmallerThan(9))).evaluate(broken);
        assertThat(p.summary().error()).isEqualTo(1);
        assertThat(p.summary().pass()).isEqualTo(2);
        assertThatThrownBy(() -> rule.check(broken)).isInstanceOf(PolicyViolationError.class)
                .hasMessageContaining("bad.txt:4:2: ERROR HIGH load-error File bad.txt: cannot parse");
    }

    @Test
    void assertCompliantListsEveryViolation() {
        var rule = RuleDefinition.all(BOXES).must(beSmallerThan(5)).withId("box.small");
        assertThatThrownBy(() -> rule.check(INPUT)).isInstanceOfSatisfying(PolicyViolationError.class, e -> {
            assertThat(e.violations()).hasSize(2);
            assertThat(e.getMessage()).isEqualTo("""
                    policy violated: 2 violations (pass 1, fail 2, warn 0, error 0, skip 0)
                    boxes.txt:2:3: FAIL MEDIUM box.small Box b: is 7, not smaller than 5 [size]
                    boxes.txt:3:3: FAIL MEDIUM box.small Box c: is 12, not smaller than 5 [size]""");
        });
    }

    @Test
    void policiesComposeAndRejectDuplicateIds() {
        Policy<Boxes> a = Policy.<Boxes>named("a", "1").include(RuleDefinition.all(BOXES).must(beEven()).withId("x"));
        Policy<Boxes> b = Policy.<Boxes>named("b", "1").include(RuleDefinition.all(BOXES).must(beSmallerThan(3)).withId("y"));
        assertThat(a.include(b).rules()).extracting(Rule::id).containsExactly("x", "y");
        assertThatThrownBy(() -> a.include(a)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate rule id 'x'");
    }

    @Test
    void oneRuleEvaluatedConcurrentlyGivesIdenticalReports() throws Exception {
        Rule<Boxes> rule = RuleDefinition.all(BOXES).must(beEven()).satisfy(beSmallerThan(10));
        String expected = rule.evaluate(INPUT).violations().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> rule.evaluate(INPUT).violations().toString()));
            }
            for (Future<String> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRuleWithoutConditionCannotBeEvaluated() {
        assertThatThrownBy(() -> RuleDefinition.all(BOXES).must().evaluate(INPUT)).isInstanceOf(IllegalStateException.class);
    }
}
