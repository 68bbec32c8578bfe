package io.github.policydsl.api.syntax;

import io.github.policydsl.api.Condition;
import io.github.policydsl.api.ConditionEvents;
import io.github.policydsl.api.ConditionEvents.Kind;
import io.github.policydsl.api.EvaluationInput;
import io.github.policydsl.api.Level;
import io.github.policydsl.api.PerSubjectRule;
import io.github.policydsl.api.SubjectSource;
import io.github.policydsl.api.Severity;
import io.github.policydsl.api.Subject;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.InputInfo;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleInfo;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.api.result.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A rule over subjects of one type, and the last step of the fluent grammar: condition methods
 * of a domain subclass add conditions (ANDed), and {@link #because}, {@link #as}, {@link #withId},
 * {@link #withSeverity} finish it. Every method returns a new rule; rules are immutable and
 * thread-safe.
 *
 * <p>Evaluation of one subject: each condition records events; with {@code mustNot}/{@code
 * shouldNot} each condition's verdict is inverted. Any error gives ERROR, any violation gives FAIL
 * ({@code must}) or WARN ({@code should}), conditions that all do not apply give SKIP, otherwise
 * PASS. A rule whose selection matches nothing fails, like ArchUnit's, unless
 * {@link #allowEmptyShould(boolean)} says that is fine.
 *
 * @param <I> the input type
 * @param <T> the subject type
 * @param <SELF> the concrete rule type
 */
public abstract class SubjectRule<I extends EvaluationInput, T extends Subject, SELF extends SubjectRule<I, T, SELF>>
        implements PerSubjectRule<I, T> {

    /** The rule's state. */
    protected final RuleSpec<I, T> spec;

    /**
     * Creates a rule from its state.
     *
     * @param spec the state
     */
    @SuppressWarnings("unchecked")
    protected SubjectRule(RuleSpec<I, T> spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.conditions = spec.conditions().toArray(new Condition[0]);
        this.info = new RuleInfo(spec.id(), spec.text(), spec.severity(), spec.level(), spec.remediation());
    }

    /** The rule's description for reports, built once. */
    private final RuleInfo info;

    /** The conditions, as an array for the evaluation loop. */
    private final Condition<? super T>[] conditions;

    /**
     * Creates a rule of the concrete type from new state.
     *
     * @param newSpec the state
     * @return a new rule
     */
    protected abstract SELF copy(RuleSpec<I, T> newSpec);

    /**
     * Adds a condition; used by the condition methods of domain subclasses.
     *
     * @param condition the condition
     * @return a new rule
     */
    protected SELF with(Condition<? super T> condition) {
        return copy(spec.withCondition(condition));
    }

    /**
     * Adds a custom condition.
     *
     * @param condition the condition
     * @return a new rule
     */
    public SELF satisfy(Condition<? super T> condition) {
        return with(condition);
    }

    /**
     * Adds a custom condition from a predicate; a violation is located at the subject.
     *
     * @param description the infinitive phrase, e.g. {@code use an approved registry}
     * @param predicate the test
     * @return a new rule
     */
    public SELF satisfy(String description, Predicate<? super T> predicate) {
        return with(Condition.<T>satisfying(description, predicate, Subject::path));
    }

    /**
     * Appends a reason to the sentence.
     *
     * @param reason why the rule exists
     * @return a new rule
     */
    public SELF because(String reason) {
        return copy(spec.withBecause(reason));
    }

    /**
     * Replaces the generated sentence.
     *
     * @param text the sentence
     * @return a new rule
     */
    public SELF as(String text) {
        return copy(spec.withText(text));
    }

    /**
     * Sets the stable id used in reports, exemptions and baselines.
     *
     * @param id the id, e.g. {@code acme.prod-non-root}
     * @return a new rule
     */
    public SELF withId(String id) {
        return copy(spec.withId(id));
    }

    /**
     * Sets the severity (default MEDIUM).
     *
     * @param severity the severity
     * @return a new rule
     */
    public SELF withSeverity(Severity severity) {
        return copy(spec.withSeverity(severity));
    }

    /**
     * Sets the one-line remediation shown in reports.
     *
     * @param text the fix
     * @return a new rule
     */
    public SELF withRemediation(String text) {
        return copy(spec.withRemediation(text));
    }

    /**
     * Whether the rule passes when its selection matches nothing (default: it fails, since a rule
     * that filters on a misspelt namespace must not pass quietly).
     *
     * @param allow true to allow an empty selection
     * @return a new rule
     */
    public SELF allowEmptyShould(boolean allow) {
        return copy(spec.withAllowEmpty(allow));
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public String description() {
        return spec.text();
    }

    @Override
    public Severity severity() {
        return spec.severity();
    }

    @Override
    public Level level() {
        return spec.level();
    }

    @Override
    public String remediation() {
        return spec.remediation();
    }

    @Override
    public Report evaluate(I input) {
        Report own = evaluateRuleOnly(input);
        return own.and(new Report(input.loadErrors(), List.of(), List.of()));
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public SubjectSource<I, T> source() {
        return spec.source();
    }

    @Override
    public Report evaluateRuleOnly(I input) {
        checkHasConditions();
        List<RuleResult> results = new ArrayList<>();
        for (T subject : spec.source().subjects(input)) {
            RuleResult r = evaluateSubject(input, subject);
            if (r != null) {
                results.add(r);
            }
        }
        if (results.isEmpty()) {
            RuleResult empty = emptySelection(input.inputs());
            if (empty != null) {
                results.add(empty);
            }
        }
        return new Report(results, List.of(info), input.inputs());
    }

    @Override
    public final RuleResult evaluateSubject(I input, T subject) {
        return evaluateSubject(input, subject, null);
    }

    @Override
    public final RuleResult evaluateSubject(I input, T subject, ConditionEvents scratch) {
        checkHasConditions();
        return spec.selection().test(subject) ? finish(input, evaluateSubject(info, subject, scratch)) : null;
    }

    /**
     * Lets a domain rule adjust the result of one subject, for example to apply inline
     * exemptions; every evaluation path calls it. The default returns the result as it is.
     *
     * @param input the input the subject comes from
     * @param result the result of the rule's conditions
     * @return the result to report
     */
    protected RuleResult finish(I input, RuleResult result) {
        return result;
    }

    private void checkHasConditions() {
        if (conditions.length == 0) {
            throw new IllegalStateException("rule '" + spec.text() + "' has no condition");
        }
    }

    private RuleResult evaluateSubject(RuleInfo info, T subject, ConditionEvents scratch) {
        Outcome violatedOutcome = spec.level() == Level.MUST ? Outcome.FAIL : Outcome.WARN;
        boolean negated = spec.negated();
        // most results have one violation, and most others two or three: no list until the fourth
        Violation first = null;
        Violation second = null;
        Violation third = null;
        List<Violation> more = null;
        SubjectRef lastPart = null;
        FieldPath notApplicablePath = null;
        String notApplicableReason = null;
        boolean error = false;
        boolean violated = false;
        int skipped = 0;
        ConditionEvents shared = negated ? null
                : scratch != null && !scratch.recordsSatisfied() ? scratch : ConditionEvents.violationsOnly();
        for (Condition<? super T> condition : conditions) {
            ConditionEvents events;
            if (negated) {
                events = new ConditionEvents();
            } else {
                events = shared;
                events.clear();
            }
            try {
                condition.check(subject, events);
            } catch (RuntimeException e) {
                events.error(subject.path(), "could not evaluate '" + condition.description() + "': " + e);
            }
            if (!negated && events.isEmpty()) {
                continue; // a condition that recorded nothing neither fails nor counts as skipped
            }
            if (!negated && events.count(Kind.ERROR) == 0 && events.count(Kind.VIOLATED) == 0
                    && events.count(Kind.NOT_APPLICABLE) == 0) {
                continue; // only satisfied events: the common case, with nothing kept
            }
            ConditionEvents outcome = negated ? negate(condition, subject, events) : events;
            int kept = outcome.kept();
            boolean onlyNa = kept > 0 && (negated || events.count(Kind.SATISFIED) == 0);
            for (int i = 0; i < kept; i++) {
                Kind kind = outcome.kind(i);
                switch (kind) {
                    case ERROR, VIOLATED -> {
                        Outcome o;
                        if (kind == Kind.ERROR) {
                            error = true;
                            o = Outcome.ERROR;
                        } else {
                            violated = true;
                            o = violatedOutcome;
                        }
                        onlyNa = false;
                        String part = outcome.part(i);
                        SubjectRef about;
                        if (part.isEmpty()) {
                            about = subject.ref();
                        } else {
                            // events of one part come together: name it once
                            lastPart = lastPart != null && lastPart.container().equals(part) ? lastPart
                                    : subject.ref(part);
                            about = lastPart;
                        }
                        FieldPath path = outcome.path(i);
                        Violation v = new Violation(info.id(), info.severity(), o, outcome.message(i), about,
                                subject.locate(path), path);
                        if (first == null) {
                            first = v;
                        } else if (second == null) {
                            second = v;
                        } else if (third == null) {
                            third = v;
                        } else {
                            if (more == null) {
                                more = new ArrayList<>(List.of(first, second, third));
                            }
                            more.add(v);
                        }
                    }
                    case SATISFIED -> onlyNa = false;
                    case NOT_APPLICABLE -> {
                        if (notApplicablePath == null) {
                            notApplicablePath = outcome.path(i);
                            notApplicableReason = outcome.message(i);
                        }
                    }
                    default -> throw new IllegalStateException("unknown event kind " + kind);
                }
            }
            if (onlyNa) {
                skipped++;
            }
        }
        SubjectRef ref = subject.ref();
        Location where = subject.location();
        if (error || violated) {
            return new RuleResult(info, ref, where, error ? Outcome.ERROR : violatedOutcome,
                    more != null ? more : third != null ? List.of(first, second, third)
                    : second != null ? List.of(first, second) : List.of(first));
        }
        if (skipped == conditions.length) {
            return new RuleResult(info, ref, where, Outcome.SKIP, List.of(new Violation(info.id(), info.severity(),
                    Outcome.SKIP, "not applicable: " + notApplicableReason, ref, subject.locate(notApplicablePath),
                    notApplicablePath)));
        }
        return new RuleResult(info, ref, where, Outcome.PASS, List.of());
    }

    /**
     * The events of a negated condition, in a collector of their own: its errors if it had any;
     * else satisfied if it was violated; else its satisfied checks as violations; else, with only
     * not-applicable events, those; else one violation at the subject.
     */
    private ConditionEvents negate(Condition<?> condition, Subject subject, ConditionEvents events) {
        ConditionEvents out = new ConditionEvents();
        if (events.has(Kind.VIOLATED) && !events.has(Kind.ERROR)) {
            out.add(Kind.SATISFIED, "", subject.path(), "does not " + condition.description());
            return out;
        }
        Kind keep = events.has(Kind.ERROR) ? Kind.ERROR
                : keeps(events, Kind.SATISFIED) ? Kind.SATISFIED
                : events.has(Kind.NOT_APPLICABLE) ? Kind.NOT_APPLICABLE : null;
        if (keep == null) {
            out.add(Kind.VIOLATED, "", subject.path(), "does " + condition.description());
            return out;
        }
        for (int i = 0; i < events.kept(); i++) {
            if (events.kind(i) == keep) {
                out.add(keep == Kind.SATISFIED ? Kind.VIOLATED : keep, events.part(i), events.path(i), events.message(i));
            }
        }
        return out;
    }

    /** Whether a kept event has this kind (satisfied checks can also have been only counted). */
    private static boolean keeps(ConditionEvents events, Kind kind) {
        for (int i = 0; i < events.kept(); i++) {
            if (events.kind(i) == kind) {
                return true;
            }
        }
        return false;
    }

    @Override
    public RuleResult emptySelection(List<InputInfo> inputs) {
        checkHasConditions();
        if (spec.allowEmpty()) {
            return null;
        }
        Outcome o = spec.level() == Level.MUST ? Outcome.FAIL : Outcome.WARN;
        String file = inputs.isEmpty() ? "<input>" : inputs.get(0).file();
        Location where = Location.unknown(file);
        SubjectRef ref = new SubjectRef("", "(no subject)", "", spec.source().description(), "");
        String message = "no " + spec.subjectText() + " were found, so the rule checked nothing; "
                + "call allowEmptyShould(true) if an empty selection is expected";
        return new RuleResult(info, ref, where, o,
                List.of(new Violation(info.id(), info.severity(), o, message, ref, where, FieldPath.root())));
    }

    @Override
    public String toString() {
        return id() + ": " + description();
    }
}
