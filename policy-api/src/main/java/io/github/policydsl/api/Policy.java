package io.github.policydsl.api;

import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A named, versioned set of rules (a "pack"). Policies compose: {@link #include(Policy)} adds the
 * rules of another policy. Rule ids must be unique within a policy. Immutable and thread-safe.
 *
 * <p>Evaluation groups the {@link PerSubjectRule}s that share a {@link SubjectSource} (the same
 * instance) and evaluates each group in one pass over the source's subjects, every rule per
 * subject; other rules are evaluated one by one. The report is the same as evaluating every rule
 * on its own and merging the reports.
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
     * Evaluates every rule, plus the input's load errors, on the calling thread.
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
        return evaluateWith(input, executor, Integer.MAX_VALUE, false);
    }

    /** Subject chunks per shared pass in parallel evaluation: enough to balance two to eight threads. */
    private static final int TASKS_PER_BATCH = 16;

    private Report evaluateWith(I input, Executor executor, int helpers, boolean callerWorks) {
        List<Supplier<Report>> tasks = new ArrayList<>();
        List<Batch.Split<I>> splits = new ArrayList<>();
        for (Batch<I> batch : batches) {
            Batch.Split<I> split = batch.split(input, TASKS_PER_BATCH);
            splits.add(split);
            for (int i = 0; i < split.chunks(); i++) {
                int chunk = i;
                tasks.add(() -> split.evaluate(chunk));
            }
        }
        for (Rule<I> r : singles) {
            tasks.add(() -> r.evaluateRuleOnly(input));
        }
        Report[] done = runAll(tasks, executor, helpers, callerWorks);
        List<Report> reports = new ArrayList<>(done.length + splits.size() + 1);
        reports.add(new Report(input.loadErrors(), List.of(), input.inputs()));
        reports.addAll(java.util.Arrays.asList(done));
        for (Batch.Split<I> split : splits) {
            reports.add(split.emptySelections());
        }
        return Report.merge(reports);
    }

    /**
     * Runs the tasks on up to {@code helpers} workers of the executor (and on the calling thread
     * too if {@code callerWorks}); each worker takes the next task until none is left. The first
     * exception stops the workers from taking more and is rethrown.
     */
    private static Report[] runAll(List<Supplier<Report>> tasks, Executor executor, int helpers, boolean callerWorks) {
        Report[] out = new Report[tasks.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            int i;
            while (failure.get() == null && (i = next.getAndIncrement()) < out.length) {
                try {
                    out[i] = tasks.get(i).get();
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        int submitted = Math.min(helpers, tasks.size() - (callerWorks ? 1 : 0));
        List<CompletableFuture<Void>> running = new ArrayList<>(Math.max(0, submitted));
        for (int w = 0; w < submitted; w++) {
            running.add(CompletableFuture.runAsync(worker, executor));
        }
        if (callerWorks) {
            worker.run();
        }
        for (CompletableFuture<Void> f : running) {
            f.join(); // workers catch everything a task throws
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return out;
    }

    /**
     * Evaluates every rule on {@code parallelism} threads: the calling thread and a pool of
     * daemon threads created for this call and shut down afterwards; shared passes over subjects
     * are split by subject. The report
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
        // the calling thread is one of the workers
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(parallelism - 1,
                parallelism - 1, 0L, java.util.concurrent.TimeUnit.MILLISECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), daemons);
        pool.prestartAllCoreThreads(); // the threads start while the subjects are extracted
        try {
            return evaluateWith(input, pool, parallelism - 1, true);
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
