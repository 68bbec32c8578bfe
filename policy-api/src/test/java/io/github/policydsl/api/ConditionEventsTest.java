package io.github.policydsl.api;

import io.github.policydsl.api.ConditionEvents.Event;
import io.github.policydsl.api.ConditionEvents.Kind;
import io.github.policydsl.api.result.FieldPath;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionEventsTest {

    private static final FieldPath P = FieldPath.parse("spec.x");

    @Test
    void aFullCollectorKeepsEveryEventWithItsPart() {
        ConditionEvents events = new ConditionEvents();
        events.satisfied(P, "ok");
        events.forPart("app").violated(P.child("y"), "bad");
        events.forPart("app").satisfied(() -> P, () -> "lazy ok");
        events.notApplicable(P, "n/a");
        assertThat(events.recordsSatisfied()).isTrue();
        assertThat(events.events()).extracting(Event::kind, Event::message, Event::part).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.SATISFIED, "ok", ""),
                org.assertj.core.groups.Tuple.tuple(Kind.VIOLATED, "bad", "app"),
                org.assertj.core.groups.Tuple.tuple(Kind.SATISFIED, "lazy ok", "app"),
                org.assertj.core.groups.Tuple.tuple(Kind.NOT_APPLICABLE, "n/a", ""));
        assertThat(events.count(Kind.SATISFIED)).isEqualTo(2);
        assertThat(events.has(Kind.ERROR)).isFalse();
    }

    @Test
    void aViolationsOnlyCollectorCountsSatisfiedEventsWithoutBuildingThem() {
        ConditionEvents events = ConditionEvents.violationsOnly();
        AtomicInteger built = new AtomicInteger();
        events.satisfied(() -> {
            built.incrementAndGet();
            return P;
        }, () -> {
            built.incrementAndGet();
            return "never built";
        });
        events.satisfied(P, "not kept");
        events.add(Kind.SATISFIED, "app", P, "not kept either");
        assertThat(built).hasValue(0);
        assertThat(events.events()).isEmpty();
        assertThat(events.isEmpty()).isFalse();
        assertThat(events.has(Kind.SATISFIED)).isTrue();
        assertThat(events.count(Kind.SATISFIED)).isEqualTo(3);
        events.forPart("sidecar").error(P, "unreadable");
        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.ERROR);
            assertThat(e.part()).isEqualTo("sidecar");
        });
        assertThat(events.recordsSatisfied()).isFalse();
        events.clear();
        assertThat(events.isEmpty()).isTrue();
        assertThat(events.events()).isEmpty();
        assertThat(events.count(Kind.SATISFIED)).isZero();
    }

    @Test
    void checkPartAttributesEventsWithoutAPartToThePartWhileItRuns() {
        ConditionEvents events = ConditionEvents.violationsOnly();
        Condition<String> nonEmpty = Condition.of("be non-empty", (s, e) -> {
            if (s.isEmpty()) {
                e.violated(P, "is empty");
            } else {
                e.satisfied(P, "is not empty");
            }
        });
        Condition<String> named = Condition.of("name itself", (s, e) -> e.add(Kind.VIOLATED, "explicit", P, "named"));
        events.checkPart("first", nonEmpty, "");
        events.checkPart("second", nonEmpty, "x");
        events.checkPart("third", named, "y");
        events.violated(P, "about the whole subject");
        assertThat(events.events()).extracting(Event::message, Event::part).containsExactly(
                org.assertj.core.groups.Tuple.tuple("is empty", "first"),
                org.assertj.core.groups.Tuple.tuple("named", "explicit"),
                org.assertj.core.groups.Tuple.tuple("about the whole subject", ""));
        assertThat(events.count(Kind.SATISFIED)).isEqualTo(1);
    }

    @Test
    void addAllCarriesCountsOfSatisfiedEventsThatWereNotKept() {
        ConditionEvents inner = ConditionEvents.violationsOnly();
        inner.satisfied(P, "a");
        inner.violated(P, "b");
        ConditionEvents outer = new ConditionEvents();
        outer.addAll(inner);
        assertThat(outer.count(Kind.SATISFIED)).isEqualTo(1);
        assertThat(outer.count(Kind.VIOLATED)).isEqualTo(1);
        assertThat(outer.events()).extracting(Event::message).containsExactly("b");
        ConditionEvents full = new ConditionEvents();
        full.satisfied(P, "c");
        ConditionEvents summary = ConditionEvents.violationsOnly();
        summary.addAll(full);
        assertThat(summary.events()).isEmpty();
        assertThat(summary.count(Kind.SATISFIED)).isEqualTo(1);
    }

    @Test
    void aCountOnlySatisfiedEventIsForCollectorsThatDoNotKeepThem() {
        ConditionEvents counting = ConditionEvents.violationsOnly();
        counting.forPart("app").satisfied();
        counting.satisfied();
        assertThat(counting.count(Kind.SATISFIED)).isEqualTo(2);
        assertThat(counting.events()).isEmpty();
        assertThat(counting.isEmpty()).isFalse();
        ConditionEvents full = new ConditionEvents();
        assertThatThrownBy(full::satisfied).isInstanceOf(IllegalStateException.class);
        assertThat(full.isEmpty()).isTrue();
    }
}
