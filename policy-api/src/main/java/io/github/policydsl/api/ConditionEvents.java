package io.github.policydsl.api;

import io.github.policydsl.api.result.FieldPath;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Supplier;

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

    /** The collector that holds the events: this one, or the one this is a part view of. */
    private final ConditionEvents root;
    private final String part;
    private final boolean recordSatisfied;
    /**
     * The kept events (root only), one array per component, created with the first event: an
     * evaluation reads them through {@link #kind(int)} and its siblings without an {@link Event}
     * object per finding, and {@link #events()} makes the objects only for callers that ask.
     */
    private Kind[] kinds = NO_KINDS;
    private FieldPath[] paths = NO_PATHS;
    private String[] messages = NO_STRINGS;
    private String[] parts = NO_STRINGS;
    private int kept;
    private static final Kind[] NO_KINDS = {};
    private static final FieldPath[] NO_PATHS = {};
    private static final String[] NO_STRINGS = {};
    /** The live view of the kept events (root only), created when first asked for. */
    private List<Event> view;
    /** Counts by kind (root only), kept or not. */
    private int satisfiedCount;
    private int violatedCount;
    private int notApplicableCount;
    private int errorCount;
    /** The part that events without one of their own are about, while {@link #checkPart} runs (root only). */
    private String currentPart = "";

    /** Creates an empty collector that records every event, satisfied ones included. */
    public ConditionEvents() {
        this(null, "", true);
    }

    private ConditionEvents(ConditionEvents root, String part, boolean recordSatisfied) {
        this.root = root == null ? this : root;
        this.part = part;
        this.recordSatisfied = recordSatisfied;
    }

    /**
     * Creates an empty collector that keeps violations, errors and not-applicable events in full
     * but only counts satisfied ones. Rules that are not negated use it, since a satisfied
     * event's field and message never reach their report; conditions can then skip building
     * them (see {@link #satisfied(Supplier, Supplier)}).
     *
     * @return a new collector
     */
    public static ConditionEvents violationsOnly() {
        return new ConditionEvents(null, "", false);
    }

    /**
     * A view of this collector for one named part of the subject, such as one container of a
     * pod: events recorded through it go to this collector, with the part set. Views share this
     * collector's events and counts.
     *
     * @param partName the part's name
     * @return the view
     */
    public ConditionEvents forPart(String partName) {
        return new ConditionEvents(root, partName == null ? "" : partName, recordSatisfied);
    }

    /**
     * Whether satisfied events are kept with their field and message; when false they are only
     * counted.
     *
     * @return true for a full collector
     */
    public boolean recordsSatisfied() {
        return recordSatisfied;
    }

    private void increment(Kind kind) {
        ConditionEvents r = root;
        switch (kind) {
            case SATISFIED -> r.satisfiedCount++;
            case VIOLATED -> r.violatedCount++;
            case NOT_APPLICABLE -> r.notApplicableCount++;
            case ERROR -> r.errorCount++;
            default -> throw new IllegalStateException("unknown event kind " + kind);
        }
    }

    /**
     * Checks a condition on a named part of the subject, such as one container of a pod: events
     * it records without a part of their own are about that part. Unlike {@link #forPart} this
     * creates no view, which matters where every container of every pod is checked.
     *
     * @param partName the part's name
     * @param condition the condition
     * @param part the part
     * @param <P> the part's type
     */
    public <P> void checkPart(String partName, Condition<? super P> condition, P part) {
        ConditionEvents r = root;
        String before = r.currentPart;
        r.currentPart = partName == null ? "" : partName;
        try {
            condition.check(part, this);
        } finally {
            r.currentPart = before;
        }
    }

    private void record(Kind kind, String eventPart, FieldPath path, String message) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        ConditionEvents r = root;
        if (eventPart == null || eventPart.isEmpty()) {
            eventPart = r.currentPart;
        }
        increment(kind);
        int i = r.kept;
        if (i == r.kinds.length) {
            int capacity = Math.max(4, i * 2);
            r.kinds = Arrays.copyOf(r.kinds, capacity);
            r.paths = Arrays.copyOf(r.paths, capacity);
            r.messages = Arrays.copyOf(r.messages, capacity);
            r.parts = Arrays.copyOf(r.parts, capacity);
        }
        r.kinds[i] = kind;
        r.paths[i] = path;
        r.messages[i] = message;
        r.parts[i] = eventPart;
        r.kept = i + 1;
    }

    /**
     * Records that the condition holds at a field.
     *
     * @param path the field
     * @param message what is true, e.g. {@code runAsNonRoot is true on the container}
     */
    public void satisfied(FieldPath path, String message) {
        if (recordSatisfied) {
            record(Kind.SATISFIED, part, path, message);
        } else {
            root.satisfiedCount++;
        }
    }

    /**
     * Records that the condition holds at a field, computing the field and the message only if
     * this collector keeps satisfied events.
     *
     * @param path supplies the field
     * @param message supplies what is true
     */
    public void satisfied(Supplier<FieldPath> path, Supplier<String> message) {
        if (recordSatisfied) {
            record(Kind.SATISFIED, part, path.get(), message.get());
        } else {
            root.satisfiedCount++;
        }
    }

    /**
     * Counts a satisfied check without its field or message, on a collector that does not keep
     * satisfied events ({@link #recordsSatisfied()} is false). Conditions on hot paths test
     * {@link #recordsSatisfied()} and build the field and message only when they are kept: unlike
     * {@link #satisfied(Supplier, Supplier)}, this creates nothing, not even the suppliers.
     *
     * @throws IllegalStateException if this collector keeps satisfied events, since a negated
     *     rule needs their fields
     */
    public void satisfied() {
        if (recordSatisfied) {
            throw new IllegalStateException("this collector keeps satisfied events: record them with their field");
        }
        root.satisfiedCount++;
    }

    /**
     * Records a violation at the field that must change.
     *
     * @param path the field that must change, even if absent
     * @param message what is wrong, e.g. {@code runAsNonRoot is unset on the container and the pod}
     */
    public void violated(FieldPath path, String message) {
        record(Kind.VIOLATED, part, path, message);
    }

    /**
     * Records that the condition does not apply to this subject.
     *
     * @param path the subject's path
     * @param reason why
     */
    public void notApplicable(FieldPath path, String reason) {
        record(Kind.NOT_APPLICABLE, part, path, reason);
    }

    /**
     * Records that the condition could not be evaluated.
     *
     * @param path the field that could not be read
     * @param message what is wrong with the input
     */
    public void error(FieldPath path, String message) {
        record(Kind.ERROR, part, path, message);
    }

    /**
     * Records an event about a named part of the subject, such as one container of a pod.
     *
     * @param kind what it is
     * @param partName the part's name
     * @param path the field
     * @param message the statement
     */
    public void add(Kind kind, String partName, FieldPath path, String message) {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.SATISFIED && !recordSatisfied) {
            root.satisfiedCount++;
        } else {
            record(kind, partName, path, message);
        }
    }

    /**
     * Adds all events of another collector (and its counts of satisfied events it did not keep).
     *
     * @param other the events to copy
     */
    public void addAll(ConditionEvents other) {
        int n = other.kept(); // read first: adding a collector to itself copies its events once
        int satisfied = other.count(Kind.SATISFIED);
        int keptSatisfied = 0;
        for (int i = 0; i < n; i++) {
            Kind kind = other.kind(i);
            if (kind == Kind.SATISFIED) {
                keptSatisfied++;
            }
            add(kind, other.part(i), other.path(i), other.message(i));
        }
        root.satisfiedCount += satisfied - keptSatisfied;
    }

    /**
     * The events in the order they were recorded; a collector that does not record satisfied
     * events has none of them here (see {@link #count(Kind)}).
     *
     * @return an unmodifiable view
     */
    public List<Event> events() {
        ConditionEvents r = root;
        List<Event> list = r.view;
        if (list == null) {
            list = new EventView(r);
            r.view = list;
        }
        return list;
    }

    /** The kept events as {@link Event} objects, made on each {@code get}; live, like the list it replaced. */
    private static final class EventView extends AbstractList<Event> implements RandomAccess {
        private final ConditionEvents root;

        EventView(ConditionEvents root) {
            this.root = root;
        }

        @Override
        public Event get(int index) {
            Objects.checkIndex(index, root.kept);
            return new Event(root.kinds[index], root.paths[index], root.messages[index], root.parts[index]);
        }

        @Override
        public int size() {
            return root.kept;
        }
    }

    /**
     * The number of kept events: those {@link #events()} lists, in the order they were recorded.
     * With {@link #kind(int)}, {@link #path(int)}, {@link #message(int)} and {@link #part(int)} an
     * evaluator reads them without creating an {@link Event} for each.
     *
     * @return the number of kept events
     */
    public int kept() {
        return root.kept;
    }

    /**
     * The kind of a kept event.
     *
     * @param index the event's position, from 0 to {@link #kept()} (exclusive)
     * @return its kind
     * @throws IndexOutOfBoundsException if there is no such event
     */
    public Kind kind(int index) {
        ConditionEvents r = root;
        return r.kinds[Objects.checkIndex(index, r.kept)];
    }

    /**
     * The field of a kept event.
     *
     * @param index the event's position, from 0 to {@link #kept()} (exclusive)
     * @return its field
     * @throws IndexOutOfBoundsException if there is no such event
     */
    public FieldPath path(int index) {
        ConditionEvents r = root;
        return r.paths[Objects.checkIndex(index, r.kept)];
    }

    /**
     * The message of a kept event.
     *
     * @param index the event's position, from 0 to {@link #kept()} (exclusive)
     * @return its message
     * @throws IndexOutOfBoundsException if there is no such event
     */
    public String message(int index) {
        ConditionEvents r = root;
        return r.messages[Objects.checkIndex(index, r.kept)];
    }

    /**
     * The part a kept event is about, or an empty string for the whole subject.
     *
     * @param index the event's position, from 0 to {@link #kept()} (exclusive)
     * @return its part
     * @throws IndexOutOfBoundsException if there is no such event
     */
    public String part(int index) {
        ConditionEvents r = root;
        return r.parts[Objects.checkIndex(index, r.kept)];
    }

    /**
     * How many events of a kind were recorded, kept or only counted.
     *
     * @param kind the kind
     * @return the count
     */
    public int count(Kind kind) {
        ConditionEvents r = root;
        return switch (kind) {
            case SATISFIED -> r.satisfiedCount;
            case VIOLATED -> r.violatedCount;
            case NOT_APPLICABLE -> r.notApplicableCount;
            case ERROR -> r.errorCount;
        };
    }

    /**
     * Whether an event of a kind was recorded.
     *
     * @param kind the kind
     * @return true if at least one was
     */
    public boolean has(Kind kind) {
        return count(kind) > 0;
    }

    /**
     * Forgets every event and count (of this collector and its part views), so that one
     * collector can serve several checks in turn.
     */
    public void clear() {
        ConditionEvents r = root;
        for (int i = 0; i < r.kept; i++) {
            r.paths[i] = null; // nothing recorded before stays reachable from a reused collector
            r.messages[i] = null;
            r.parts[i] = null;
        }
        r.kept = 0;
        r.satisfiedCount = 0;
        r.violatedCount = 0;
        r.notApplicableCount = 0;
        r.errorCount = 0;
    }

    /** Whether nothing was recorded. */
    public boolean isEmpty() {
        ConditionEvents r = root;
        return r.satisfiedCount == 0 && r.violatedCount == 0 && r.notApplicableCount == 0 && r.errorCount == 0;
    }
}
