package io.github.policydsl.api;

import io.github.policydsl.api.result.FieldPath;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Collects what a {@link Condition} found about one subject. A condition reports every field it
 * looked at as satisfied or violated, so that its negation ({@code mustNot}) can report where it
 * holds. A collector belongs to one check of one subject and is not shared between threads.
 */
public final class ConditionEvents {

    /** What kind of finding an event is. */
    public enum Kind {
        /** The condition holds for this field. */
        SATISFIED,
        /** The condition does not hold for this field. */
        VIOLATED,
        /** The condition cannot apply to this subject (for example resources on an ephemeral container). */
        NOT_APPLICABLE,
        /** The condition could not be evaluated (bad input). */
        ERROR
    }

    /**
     * One finding.
     *
     * @param kind what it is
     * @param path the field concerned, relative to the document root of the subject
     * @param message a statement of fact about the subject, e.g. {@code runs as root}
     * @param part the named part of the subject concerned, such as a container of a pod; empty
     *     for the whole subject. Reports narrow the subject reference to it.
     */
    public record Event(Kind kind, FieldPath path, String message, String part) {
        /** Validates the components. */
        public Event {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
            part = part == null ? "" : part;
        }

        /**
         * An event about the whole subject.
         *
         * @param kind what it is
         * @param path the field concerned
         * @param message a statement of fact about the subject
         */
        public Event(Kind kind, FieldPath path, String message) {
            this(kind, path, message, "");
        }
    }

    private final List<Event> events = new ArrayList<>();

    /** Creates an empty collector. */
    public ConditionEvents() {
    }

    /**
     * Records that the condition holds at a field.
     *
     * @param path the field
     * @param message what is true, e.g. {@code runAsNonRoot is true on the container}
     */
    public void satisfied(FieldPath path, String message) {
        events.add(new Event(Kind.SATISFIED, path, message));
    }

    /**
     * Records a violation at the field that must change.
     *
     * @param path the field that must change, even if absent
     * @param message what is wrong, e.g. {@code runAsNonRoot is unset on the container and the pod}
     */
    public void violated(FieldPath path, String message) {
        events.add(new Event(Kind.VIOLATED, path, message));
    }

    /**
     * Records that the condition does not apply to this subject.
     *
     * @param path the subject's path
     * @param reason why
     */
    public void notApplicable(FieldPath path, String reason) {
        events.add(new Event(Kind.NOT_APPLICABLE, path, reason));
    }

    /**
     * Records that the condition could not be evaluated.
     *
     * @param path the field that could not be read
     * @param message what is wrong with the input
     */
    public void error(FieldPath path, String message) {
        events.add(new Event(Kind.ERROR, path, message));
    }

    /**
     * Records an event about a named part of the subject, such as one container of a pod.
     *
     * @param kind what it is
     * @param part the part's name
     * @param path the field
     * @param message the statement
     */
    public void add(Kind kind, String part, FieldPath path, String message) {
        events.add(new Event(kind, path, message, part));
    }

    /**
     * Adds all events of another collector.
     *
     * @param other the events to copy
     */
    public void addAll(ConditionEvents other) {
        events.addAll(other.events);
    }

    /** The events in the order they were recorded. */
    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }

    /**
     * Whether an event of a kind was recorded.
     *
     * @param kind the kind
     * @return true if at least one was
     */
    public boolean has(Kind kind) {
        for (Event e : events) {
            if (e.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    /** Whether nothing was recorded. */
    public boolean isEmpty() {
        return events.isEmpty();
    }
}
