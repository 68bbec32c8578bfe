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
    /** Rules that share a subject source, evaluated in one pass each; and the rest, one by one. */
    private final List<Batch<I>> batches;
    private final List<Rule<I>> singles;

    private Policy(String name, String version, List<Rule<I>> rules) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        this.rules = List.copyOf(rules);
        Map<SubjectSource<I, ?>, List<PerSubjectRule<I, ?>>> bySource = new java.util.IdentityHashMap<>();
        List<SubjectSource<I, ?>> order = new ArrayList<>();
        List<Rule<I>> rest = new ArrayList<>();
        for (Rule<I> r : this.rules) {
            if (r instanceof PerSubjectRule<I, ?> p) {
                bySource.computeIfAbsent(p.source(), k -> {
                    order.add(k);
                    return new ArrayList<>();
                }).add(p);
            } else {
                rest.add(r);
            }
        }
        List<Batch<I>> b = new ArrayList<>();
        for (SubjectSource<I, ?> source : order) {
            b.add(new Batch<>(source, bySource.get(source)));
        }
        this.batches = List.copyOf(b);
        this.singles = List.copyOf(rest);
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
        List<Report> reports = new ArrayList<>(singles.size() + batches.size() + 1);
        reports.add(new Report(input.loadErrors(), List.of(), input.inputs()));
        for (Batch<I> batch : batches) {
            reports.add(batch.evaluate(input));
        }
        for (Rule<I> r : singles) {
            reports.add(r.evaluateRuleOnly(input));
        }
        return Report.merge(reports);
    }

    /**
     * Evaluates every rule with an executor: each rule that is not a {@link PerSubjectRule} is a
     * task, and each shared pass over the subjects of one source is split into tasks by subject.
     * The report is identical to {@link #evaluate(EvaluationInput)}'s. Exceptions thrown by rules
     * are rethrown.
     *
     * @param input the input, shared read-only by all tasks
     * @param executor runs the tasks; not shut down
     * @return the merged report
     */
    public Report evaluate(I input, Executor executor) {
        Objects.requireNonNull(executor, "executor");
        List<CompletableFuture<Report>> tasks = new ArrayList<>();
        List<Batch.Split<I>> splits = new ArrayList<>();
        for (Batch<I> batch : batches) {
            Batch.Split<I> split = batch.split(input, TASKS_PER_BATCH);
            splits.add(split);
            for (int i = 0; i < split.chunks(); i++) {
                int chunk = i;
                split.futures().add(CompletableFuture.supplyAsync(() -> split.evaluate(chunk), executor));
            }
        }
        for (Rule<I> r : singles) {
            tasks.add(CompletableFuture.supplyAsync(() -> r.evaluateRuleOnly(input), executor));
        }
        List<Report> reports = new ArrayList<>();
        reports.add(new Report(input.loadErrors(), List.of(), input.inputs()));
        for (Batch.Split<I> split : splits) {
            for (CompletableFuture<Report> f : split.futures()) {
                reports.add(join(f));
            }
            reports.add(split.emptySelections());
        }
        for (CompletableFuture<Report> t : tasks) {
            reports.add(join(t));
        }
        return Report.merge(reports);
    }

    /** Subject chunks per shared pass in parallel evaluation: enough to balance two to eight threads. */
    private static final int TASKS_PER_BATCH = 16;

    private static Report join(CompletableFuture<Report> task) {
        try {
            return task.join();
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

    /**
     * Evaluates every rule on a pool of {@code parallelism} daemon threads created for this call,
     * shared passes over subjects split by subject, and shuts the pool down afterwards. The report
     * is identical to {@link #evaluate(EvaluationInput)}'s.
     *
     * @param input the input
     * @param parallelism the number of threads; 1 or less evaluates on the calling thread
     * @return the merged report
     */
    public Report evaluateParallel(I input, int parallelism) {
        if (parallelism <= 1 || rules.isEmpty()) {
            return evaluate(input);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory daemons = task -> {
            Thread t = new Thread(task, "policy-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, daemons);
        try {
            return evaluate(input, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Evaluates the policy and throws if any rule fails.
     *
     * @param input the input
     * @throws io.github.policydsl.api.result.PolicyViolationError listing every FAIL and ERROR
     */
    public void check(I input) {
        evaluate(input).assertCompliant();
    }

    @Override
    public String toString() {
        return name + " " + version + " (" + rules.size() + " rules)";
    }
}
