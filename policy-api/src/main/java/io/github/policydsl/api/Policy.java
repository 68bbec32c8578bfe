package io.github.policydsl.api;

import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named, versioned set of rules (a "pack"). Policies compose: {@link #include(Policy)} adds the
 * rules of another policy. Rule ids must be unique within a policy. Immutable and thread-safe.
 *
 * @param <I> the input type
 */
public final class Policy<I extends EvaluationInput> {

    private final String name;
    private final String version;
    private final List<Rule<I>> rules;

    private Policy(String name, String version, List<Rule<I>> rules) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        this.rules = List.copyOf(rules);
    }

    /**
     * Starts an empty policy.
     *
     * @param name the policy name, e.g. {@code k8s-hardening}
     * @param version its version, e.g. {@code 1.0.0}
     * @param <I> the input type
     * @return an empty policy
     */
    public static <I extends EvaluationInput> Policy<I> named(String name, String version) {
        return new Policy<>(name, version, List.of());
    }

    /**
     * This policy with more rules.
     *
     * @param more the rules to add
     * @return a new policy
     * @throws IllegalArgumentException if a rule id is already present
     */
    @SafeVarargs
    public final Policy<I> include(Rule<I>... more) {
        return include(List.of(more));
    }

    /**
     * This policy with more rules.
     *
     * @param more the rules to add
     * @return a new policy
     * @throws IllegalArgumentException if a rule id is already present
     */
    public Policy<I> include(List<? extends Rule<I>> more) {
        Map<String, Rule<I>> byId = new LinkedHashMap<>();
        for (Rule<I> r : rules) {
            byId.put(r.id(), r);
        }
        for (Rule<I> r : more) {
            if (byId.putIfAbsent(r.id(), r) != null) {
                throw new IllegalArgumentException("duplicate rule id '" + r.id() + "' in policy " + name);
            }
        }
        return new Policy<>(name, version, new ArrayList<>(byId.values()));
    }

    /**
     * This policy with all rules of another.
     *
     * @param other the policy to include
     * @return a new policy
     */
    public Policy<I> include(Policy<I> other) {
        return include(other.rules);
    }

    /** The policy name. */
    public String name() {
        return name;
    }

    /** The policy version. */
    public String version() {
        return version;
    }

    /** The rules in the order they were added. */
    public List<Rule<I>> rules() {
        return rules;
    }

    /** The catalogue of the rules. */
    public List<RuleInfo> catalogue() {
        return rules.stream().map(Rule::info).toList();
    }

    /**
     * Evaluates every rule, plus the input's load errors.
     *
     * @param input the input
     * @return one report
     */
    public Report evaluate(I input) {
        List<Report> reports = new ArrayList<>(rules.size() + 1);
        reports.add(new Report(input.loadErrors(), List.of(), input.inputs()));
        for (Rule<I> r : rules) {
            reports.add(r.evaluateRuleOnly(input));
        }
        return Report.merge(reports);
    }

    /**
     * Evaluates and throws unless the input complies.
     *
     * @param input the input
     * @throws io.github.policydsl.api.result.PolicyViolationError listing every violation
     */
    public void check(I input) {
        evaluate(input).assertCompliant();
    }

    @Override
    public String toString() {
        return name + " " + version + " (" + rules.size() + " rules)";
    }
}
