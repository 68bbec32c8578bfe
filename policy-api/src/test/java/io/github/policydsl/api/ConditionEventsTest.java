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

    @Test
    void keptEventsReadByPositionMatchTheListAndTheListIsLive() {
        ConditionEvents events = ConditionEvents.violationsOnly();
        java.util.List<Event> view = events.events();
        assertThat(view).isEmpty();
        assertThat(events.kept()).isZero();
        java.util.List<Event> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) { // past the first capacity, twice
            FieldPath path = P.index(i);
            if (i % 3 == 0) {
                events.violated(path, "bad " + i);
                expected.add(new Event(Kind.VIOLATED, path, "bad " + i, ""));
            } else if (i % 3 == 1) {
                events.checkPart("c" + i, Condition.<String>of("x", (s, e) -> e.error(path, s)), "broken " + i);
                expected.add(new Event(Kind.ERROR, path, "broken " + i, "c" + i));
            } else {
                events.forPart("p").notApplicable(path, "n/a " + i);
                expected.add(new Event(Kind.NOT_APPLICABLE, path, "n/a " + i, "p"));
            }
            events.satisfied(); // counted, never kept
        }
        assertThat(view).isEqualTo(expected);
        assertThat(events.kept()).isEqualTo(11);
        for (int i = 0; i < 11; i++) {
            Event e = expected.get(i);
            assertThat(events.kind(i)).isEqualTo(e.kind());
            assertThat(events.path(i)).isSameAs(e.path());
            assertThat(events.message(i)).isEqualTo(e.message());
            assertThat(events.part(i)).isEqualTo(e.part());
        }
        assertThatThrownBy(() -> events.kind(11)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> events.path(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.get(11)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.add(expected.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> events.violated(null, "m")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> events.violated(P, null)).isInstanceOf(NullPointerException.class);

        events.addAll(events); // a collector added to itself: its events once more, not forever
        assertThat(events.kept()).isEqualTo(22);
        assertThat(view.subList(11, 22)).isEqualTo(expected);
        assertThat(events.count(Kind.SATISFIED)).isEqualTo(22);

        events.clear();
        assertThat(view).isEmpty();
        assertThat(events.kept()).isZero();
        assertThatThrownBy(() -> events.message(0)).isInstanceOf(IndexOutOfBoundsException.class);
        events.violated(P, "again");
        assertThat(view).containsExactly(new Event(Kind.VIOLATED, P, "again", ""));
    }
}
