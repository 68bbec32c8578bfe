package io.github.policydsl.api.result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The results of evaluating rules on an input: one {@link RuleResult} per rule and subject, the
 * rules that were evaluated, and the input files that were read. Reports are immutable and their
 * order is deterministic: results sort by location, rule id and subject, whatever order the inputs
 * were loaded in.
 */
public final class Report {

    private static final Comparator<RuleResult> ORDER = Report::compare;

    private final List<RuleResult> results;
    private final List<RuleInfo> rules;
    private final List<InputInfo> inputs;

    /**
     * Creates a report.
     *
     * @param results the results, in any order
     * @param rules the rules evaluated
     * @param inputs the inputs read
     */
    public Report(List<RuleResult> results, List<RuleInfo> rules, List<InputInfo> inputs) {
        this(sortedCopy(results), rules, inputs, true);
    }

    private static List<RuleResult> sortedCopy(List<RuleResult> results) {
        return sorted(results.toArray(new RuleResult[0]), false);
    }

    /** The results as an unmodifiable list in report order, sorting them (stably) unless they already are. */
    private static List<RuleResult> sorted(RuleResult[] results, boolean inOrder) {
        if (!inOrder) {
            java.util.Arrays.sort(results, ORDER);
        }
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(results));
    }

    /**
     * Starts a report whose results are added one at a time, for evaluators that produce many.
     * The builder compares each result with the one before it as it is added, while both are
     * still in the processor's caches; results added in report order then need no sort when the
     * report is built, and results in any other order are sorted as by
     * {@link #Report(List, List, List)}. Either way the report is the same.
     *
     * @param rules the rules evaluated
     * @param inputs the inputs read
     * @return a new builder, for use by one thread
     */
    public static Builder builder(List<RuleInfo> rules, List<InputInfo> inputs) {
        return new Builder(rules, inputs, 16);
    }

    /**
     * Starts a report whose results are added one at a time, with room for about as many results
     * as expected (it grows beyond that if needed).
     *
     * @param rules the rules evaluated
     * @param inputs the inputs read
     * @param expectedResults how many results are likely to be added
     * @return a new builder, for use by one thread
     * @see #builder(List, List)
     */
    public static Builder builder(List<RuleInfo> rules, List<InputInfo> inputs, int expectedResults) {
        return new Builder(rules, inputs, Math.max(1, expectedResults));
    }

    /**
     * Collects the results of a report. Not thread-safe: each thread uses its own builder (and
     * {@link Report#merge(List)} joins their reports).
     */
    public static final class Builder {
        private final List<RuleInfo> rules;
        private final List<InputInfo> inputs;
        private RuleResult[] results;
        private int size;
        /** Whether every result so far sorts at or after the one before it. */
        private boolean inOrder = true;

        private Builder(List<RuleInfo> rules, List<InputInfo> inputs, int capacity) {
            this.rules = java.util.Objects.requireNonNull(rules, "rules");
            this.inputs = java.util.Objects.requireNonNull(inputs, "inputs");
            this.results = new RuleResult[capacity];
        }

        /**
         * Adds a result.
         *
         * @param result the result
         * @return this builder
         */
        public Builder add(RuleResult result) {
            java.util.Objects.requireNonNull(result, "result");
            if (size == results.length) {
                results = java.util.Arrays.copyOf(results, Math.max(16, size * 2));
            }
            if (inOrder && size > 0 && compare(results[size - 1], result) > 0) {
                inOrder = false;
            }
            results[size++] = result;
            return this;
        }

        /** The number of results added so far. */
        public int size() {
            return size;
        }

        /**
         * Builds the report from the results added so far; the builder can go on collecting.
         *
         * @return the report, its results sorted
         */
        public Report build() {
            return new Report(sorted(java.util.Arrays.copyOf(results, size), inOrder), rules, inputs, true);
        }
    }

    /** A report over results already in report order and unmodifiable. */
    private Report(List<RuleResult> sortedResults, List<RuleInfo> rules, List<InputInfo> inputs, boolean sorted) {
        this.results = sortedResults;
        Map<String, RuleInfo> byId = new TreeMap<>();
        for (RuleInfo r : rules) {
            byId.putIfAbsent(r.id(), r);
        }
        this.rules = List.copyOf(byId.values());
        this.inputs = InputInfo.normalize(inputs);
    }

    private static int compare(RuleResult a, RuleResult b) {
        int c = a.location().compareTo(b.location());
        if (c != 0) {
            return c;
        }
        String ra = a.rule().id();
        String rb = b.rule().id();
        c = ra == rb ? 0 : ra.compareTo(rb);
        if (c != 0) {
            return c;
        }
        c = a.subject() == b.subject() ? 0 : a.subject().compareTo(b.subject());
        if (c != 0) {
            return c;
        }
        c = a.outcome().compareTo(b.outcome());
        if (c != 0) {
            return c;
        }
        String ma = a.violations().isEmpty() ? "" : a.violations().get(0).message();
        String mb = b.violations().isEmpty() ? "" : b.violations().get(0).message();
        return ma.compareTo(mb);
    }

    /** An empty report. */
    public static Report empty() {
        return new Report(List.of(), List.of(), List.of());
    }

    /**
     * Combines reports, for example of a Kubernetes and a Dockerfile policy.
     *
     * @param reports the reports
     * @return one report with all results, rules and inputs
     */
    public static Report merge(List<Report> reports) {
        int size = 0;
        Report only = null;
        int nonEmpty = 0;
        for (Report r : reports) {
            size += r.results.size();
            if (!r.results.isEmpty()) {
                nonEmpty++;
                only = r;
            }
        }
        List<RuleInfo> rules = new ArrayList<>();
        List<InputInfo> inputs = new ArrayList<>();
        // the rules of one policy share one inputs list: add each distinct list once
        java.util.Set<List<InputInfo>> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Report r : reports) {
            rules.addAll(r.rules);
            if (seen.add(r.inputs)) {
                inputs.addAll(r.inputs);
            }
        }
        List<InputInfo> allInputs = seen.size() == 1 ? reports.get(0).inputs : inputs;
        if (nonEmpty <= 1) {
            // every report's results are sorted already: one non-empty part needs no sorting
            return new Report(only == null ? List.of() : only.results, rules, allInputs, true);
        }
        // parts that cover disjoint ranges (such as chunks of one pass over subjects) are
        // concatenated in order; otherwise the parts are sorted together
        List<Report> parts = new ArrayList<>(nonEmpty);
        for (Report r : reports) {
            if (!r.results.isEmpty()) {
                parts.add(r);
            }
        }
        parts.sort((a, b) -> compare(a.results.get(0), b.results.get(0)));
        boolean disjoint = true;
        for (int i = 1; i < parts.size() && disjoint; i++) {
            List<RuleResult> before = parts.get(i - 1).results;
            disjoint = compare(before.get(before.size() - 1), parts.get(i).results.get(0)) <= 0;
        }
        RuleResult[] all = new RuleResult[size];
        int at = 0;
        for (Report r : disjoint ? parts : reports) {
            Object[] part = r.results.toArray();
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        if (!disjoint) {
            java.util.Arrays.sort(all, ORDER);
        }
        return new Report(java.util.Collections.unmodifiableList(java.util.Arrays.asList(all)), rules, allInputs, true);
    }

    /**
     * This report with another's results added.
     *
     * @param other the other report
     * @return a merged report
     */
    public Report and(Report other) {
        return merge(List.of(this, other));
    }

    /**
     * This report restricted to the rules whose id passes a filter, for rule selection
     * ({@code --include-rule}, {@code --exclude-rule}) and pinned pack versions. Load errors
     * (rule {@value LoadError#RULE_ID}) are always kept: nothing that failed to load can be
     * filtered away.
     *
     * @param ruleId which rule ids to keep
     * @return a new report
     */
    public Report retainRules(java.util.function.Predicate<String> ruleId) {
        java.util.function.Predicate<String> keep = id -> LoadError.RULE_ID.equals(id) || ruleId.test(id);
        return new Report(results.stream().filter(r -> keep.test(r.rule().id())).toList(),
                rules.stream().filter(r -> keep.test(r.id())).toList(), inputs);
    }

    /**
     * This report with its results replaced, keeping rules and inputs; for report transformations
     * such as exemptions and baselines.
     *
     * @param newResults the results
     * @param moreRules rules to add to the catalogue (e.g. for findings about exemptions)
     * @return a new report
     */
    public Report withResults(List<RuleResult> newResults, List<RuleInfo> moreRules) {
        List<RuleInfo> all = new ArrayList<>(rules);
        all.addAll(moreRules);
        return new Report(newResults, all, inputs);
    }

    /** All results, sorted. */
    public List<RuleResult> results() {
        return results;
    }

    /** The rules that were evaluated, sorted by id. */
    public List<RuleInfo> rules() {
        return rules;
    }

    /** The input files that were read, sorted by name. */
    public List<InputInfo> inputs() {
        return inputs;
    }

    /** Every violation of every non-passing result, sorted by location. */
    public List<Violation> violations() {
        return results.stream().flatMap(r -> r.violations().stream()).sorted().toList();
    }

    /**
     * The violations with one of the given outcomes.
     *
     * @param first an outcome
     * @param more further outcomes
     * @return the matching violations, sorted
     */
    public List<Violation> violations(Outcome first, Outcome... more) {
        Set<Outcome> wanted = EnumSet.of(first, more);
        return violations().stream().filter(v -> wanted.contains(v.outcome())).toList();
    }

    /** Counts of results by outcome. */
    public Summary summary() {
        int[] counts = new int[Outcome.values().length];
        for (RuleResult r : results) {
            counts[r.outcome().ordinal()]++;
        }
        return new Summary(counts[Outcome.PASS.ordinal()], counts[Outcome.FAIL.ordinal()],
                counts[Outcome.WARN.ordinal()], counts[Outcome.ERROR.ordinal()], counts[Outcome.SKIP.ordinal()]);
    }

    /** Whether no result failed or errored (warnings and skips allowed). */
    public boolean isCompliant() {
        Summary s = summary();
        return s.fail() == 0 && s.error() == 0;
    }

    /**
     * Throws unless the report is compliant: no FAIL and no ERROR results. Warnings from
     * {@code should} rules do not fail; use {@link #assertNoWarnings()} to be strict about them too.
     *
     * @throws PolicyViolationError listing every failure and error
     */
    public void assertCompliant() {
        List<Violation> bad = violations(Outcome.FAIL, Outcome.ERROR);
        if (!bad.isEmpty()) {
            throw new PolicyViolationError(describe("policy violated", bad), bad);
        }
    }

    /**
     * Throws if the report holds failures, errors or warnings.
     *
     * @throws PolicyViolationError listing every failure, error and warning
     */
    public void assertNoWarnings() {
        List<Violation> bad = violations(Outcome.FAIL, Outcome.ERROR, Outcome.WARN);
        if (!bad.isEmpty()) {
            throw new PolicyViolationError(describe("policy violated or warned", bad), bad);
        }
    }

    private String describe(String headline, List<Violation> bad) {
        StringBuilder sb = new StringBuilder();
        sb.append(headline).append(": ").append(bad.size()).append(bad.size() == 1 ? " violation" : " violations")
                .append(" (").append(summary()).append(')');
        for (Violation v : bad) {
            sb.append('\n').append(v.toLine());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Report[" + summary() + "]";
    }
}
