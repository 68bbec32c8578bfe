package io.github.policydsl.k8s.assertj;

import io.github.policydsl.api.Condition;
import io.github.policydsl.api.ConditionEvents;

import java.util.List;

/** Runs a condition for an assertion and renders its violations as message lines. */
final class ConditionMessages {

    private ConditionMessages() {
    }

    /**
     * The violations and errors of a condition on a subject, one line each, naming the container
     * (when the event concerns one) and the field.
     */
    static <T> List<String> violations(Condition<? super T> condition, T subject) {
        ConditionEvents events = new ConditionEvents();
        condition.check(subject, events);
        return events.events().stream()
                .filter(e -> e.kind() == ConditionEvents.Kind.VIOLATED || e.kind() == ConditionEvents.Kind.ERROR)
                .map(e -> "  - " + (e.part().isEmpty() ? "" : "container \"" + e.part() + "\" ") + e.message()
                        + " [" + e.path() + "]")
                .toList();
    }
}
