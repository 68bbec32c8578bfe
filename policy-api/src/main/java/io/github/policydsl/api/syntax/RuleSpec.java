package io.github.policydsl.api.syntax;

import io.github.policydsl.api.Condition;
import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.api.Level;
import io.github.policydsl.api.Severity;
import io.github.policydsl.api.Subject;
import io.github.policydsl.api.SubjectSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The immutable state behind a rule under construction: subject source, selection, level,
 * conditions and metadata. Domain modules build their fluent grammar on it; users rarely see it.
 * Every {@code with...} method returns a new instance.
 *
 * @param <I> the input type
 * @param <T> the subject type
 */
public final class RuleSpec<I, T extends Subject> {

    private final SubjectSource<I, T> source;
    private final PredicateChain<T> selection;
    private final Level level;
    private final boolean negated;
    private final List<Condition<? super T>> conditions;
    private final String because;
    private final String overriddenText;
    private final String id;
    private final Severity severity;
    private final String remediation;
    private final boolean allowEmpty;

    private RuleSpec(SubjectSource<I, T> source, PredicateChain<T> selection, Level level, boolean negated,
            List<Condition<? super T>> conditions, String because, String overriddenText, String id,
            Severity severity, String remediation, boolean allowEmpty) {
        this.source = source;
        this.selection = selection;
        this.level = level;
        this.negated = negated;
        this.conditions = conditions;
        this.because = because;
        this.overriddenText = overriddenText;
        this.id = id;
        this.severity = severity;
        this.remediation = remediation;
        this.allowEmpty = allowEmpty;
    }

    /**
     * Starts a spec over a subject source.
     *
     * @param source the subjects
     * @param <I> the input type
     * @param <T> the subject type
     * @return a spec with no selection and no conditions
     */
    public static <I, T extends Subject> RuleSpec<I, T> of(SubjectSource<I, T> source) {
        return new RuleSpec<>(Objects.requireNonNull(source, "source"), PredicateChain.empty(), Level.MUST, false,
                List.of(), null, null, null, Severity.MEDIUM, "", false);
    }

    /**
     * Adds a selection predicate.
     *
     * @param op {@code and} or {@code or}
     * @param predicate the predicate
     * @return a new spec
     */
    public RuleSpec<I, T> select(String op, DescribedPredicate<? super T> predicate) {
        return new RuleSpec<>(source, selection.add(op, predicate), level, negated, conditions, because,
                overriddenText, id, severity, remediation, allowEmpty);
    }

    /**
     * Sets the level and negation.
     *
     * @param newLevel must or should
     * @param negate whether every condition is negated
     * @return a new spec
     */
    public RuleSpec<I, T> withLevel(Level newLevel, boolean negate) {
        return new RuleSpec<>(source, selection, Objects.requireNonNull(newLevel), negate, conditions, because,
                overriddenText, id, severity, remediation, allowEmpty);
    }

    /**
     * Adds a condition (conditions are ANDed).
     *
     * @param condition the condition
     * @return a new spec
     */
    public RuleSpec<I, T> withCondition(Condition<? super T> condition) {
        List<Condition<? super T>> more = new ArrayList<>(conditions);
        more.add(Objects.requireNonNull(condition, "condition"));
        return new RuleSpec<>(source, selection, level, negated, List.copyOf(more), because, overriddenText, id,
                severity, remediation, allowEmpty);
    }

    /**
     * Sets the reason appended to the sentence.
     *
     * @param reason the reason
     * @return a new spec
     */
    public RuleSpec<I, T> withBecause(String reason) {
        return new RuleSpec<>(source, selection, level, negated, conditions, Objects.requireNonNull(reason),
                overriddenText, id, severity, remediation, allowEmpty);
    }

    /**
     * Replaces the generated sentence.
     *
     * @param text the text
     * @return a new spec
     */
    public RuleSpec<I, T> withText(String text) {
        return new RuleSpec<>(source, selection, level, negated, conditions, because, Objects.requireNonNull(text),
                id, severity, remediation, allowEmpty);
    }

    /**
     * Sets the stable id.
     *
     * @param newId the id
     * @return a new spec
     */
    public RuleSpec<I, T> withId(String newId) {
        if (newId == null || newId.isBlank()) {
            throw new IllegalArgumentException("rule id must not be blank");
        }
        return new RuleSpec<>(source, selection, level, negated, conditions, because, overriddenText, newId,
                severity, remediation, allowEmpty);
    }

    /**
     * Sets the severity.
     *
     * @param newSeverity the severity
     * @return a new spec
     */
    public RuleSpec<I, T> withSeverity(Severity newSeverity) {
        return new RuleSpec<>(source, selection, level, negated, conditions, because, overriddenText, id,
                Objects.requireNonNull(newSeverity), remediation, allowEmpty);
    }

    /**
     * Sets the one-line remediation.
     *
     * @param text the fix
     * @return a new spec
     */
    public RuleSpec<I, T> withRemediation(String text) {
        return new RuleSpec<>(source, selection, level, negated, conditions, because, overriddenText, id, severity,
                Objects.requireNonNull(text), allowEmpty);
    }

    /**
     * Sets whether an empty selection passes.
     *
     * @param allow true to let a rule that selects nothing pass
     * @return a new spec
     */
    public RuleSpec<I, T> withAllowEmpty(boolean allow) {
        return new RuleSpec<>(source, selection, level, negated, conditions, because, overriddenText, id, severity,
                remediation, allow);
    }

    /** The subject source. */
    public SubjectSource<I, T> source() {
        return source;
    }

    /** The selection. */
    public PredicateChain<T> selection() {
        return selection;
    }

    /** The level. */
    public Level level() {
        return level;
    }

    /** Whether conditions are negated. */
    public boolean negated() {
        return negated;
    }

    /** The conditions, ANDed. */
    public List<Condition<? super T>> conditions() {
        return conditions;
    }

    /** The severity. */
    public Severity severity() {
        return severity;
    }

    /** The remediation, possibly empty. */
    public String remediation() {
        return remediation;
    }

    /** Whether an empty selection passes. */
    public boolean allowEmpty() {
        return allowEmpty;
    }

    /** The subject phrase: {@code pods that are in namespace "x"}. */
    public String subjectText() {
        return selection.isEmpty() ? source.description() : source.description() + " that " + selection.text();
    }

    /** The rule sentence, generated from the chain unless replaced. */
    public String text() {
        if (overriddenText != null) {
            return because == null ? overriddenText : overriddenText + ", because " + because;
        }
        StringBuilder sb = new StringBuilder(subjectText());
        sb.append(' ').append(level.word()).append(negated ? " not " : " ");
        for (int i = 0; i < conditions.size(); i++) {
            if (i > 0) {
                sb.append(negated ? " and not " : " and ");
            }
            sb.append(conditions.get(i).description());
        }
        if (because != null) {
            sb.append(", because ").append(because);
        }
        return sb.toString();
    }

    /** The id: the one given, or one derived from the sentence. */
    public String id() {
        if (id != null) {
            return id;
        }
        String base = overriddenText != null ? overriddenText : text();
        String slug = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return "custom." + (slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug);
    }
}
