package io.github.policydsl.api;

import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

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
     * Evaluates the rules in parallel on an executor: each rule is one task. The report is
     * identical to {@link #evaluate(EvaluationInput)}'s (reports sort their results), so
     * parallelism never changes what is reported. Inputs are immutable and rules thread-safe, so
     * any executor will do; a rule that throws makes this method throw the same exception.
     *
     * @param input the input
     * @param executor runs the rule tasks, e.g. {@code ForkJoinPool.commonPool()}
     * @return one report
     */
    public Report evaluate(I input, Executor executor) {
        Objects.requireNonNull(executor, "executor");
        List<CompletableFuture<Report>> tasks = new ArrayList<>(rules.size());
        for (Rule<I> r : rules) {
            tasks.add(CompletableFuture.supplyAsync(() -> r.evaluateRuleOnly(input), executor));
        }
        List<Report> reports = new ArrayList<>(rules.size() + 1);
        reports.add(new Report(input.loadErrors(), List.of(), input.inputs()));
        for (CompletableFuture<Report> t : tasks) {
            try {
                reports.add(t.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
        return Report.merge(reports);
    }

    /**
     * Evaluates the rules on {@code parallelism} threads of a pool created for this call (and shut
     * down after it); {@code parallelism <= 1} evaluates sequentially. The report is identical to
     * {@link #evaluate(EvaluationInput)}'s.
     *
     * @param input the input
     * @param parallelism the number of threads, e.g. {@code Runtime.getRuntime().availableProcessors()}
     * @return one report
     */
    public Report evaluateParallel(I input, int parallelism) {
        if (parallelism <= 1 || rules.size() <= 1) {
            return evaluate(input);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory daemons = task -> {
            Thread t = new Thread(task, "policy-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, rules.size()), daemons);
        try {
            return evaluate(input, pool);
        } finally {
            pool.shutdownNow();
        }
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
