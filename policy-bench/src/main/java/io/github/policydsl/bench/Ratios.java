package io.github.policydsl.bench;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.github.policydsl.api.Policy;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.packs.K8sHardening;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The target ratios of issue #8 measured in pairs: the operations of every ratio run in one JVM,
 * one after the other, round after round (after warm-up rounds), and each round gives one value of
 * each ratio; the median over the rounds and its range are printed. Evaluation is measured first,
 * over objects just loaded, and loading afterwards (the ratio of k8s-hardening to loading pairs the
 * rounds of the two phases). On a shared machine whose
 * speed changes from minute to minute, a ratio of operations timed seconds apart is much steadier
 * than one of JMH benchmarks timed minutes apart in different JVMs, which the JMH run (absolute
 * figures, allocation) also reports.
 *
 * <p>{@code java -cp benchmarks.jar io.github.policydsl.bench.Ratios [rounds]} (default 15, after 5
 * rounds of warm-up in each phase; about 3 minutes in all).
 */
public final class Ratios {

    private static final int WARM_UP = 5;
    /** Fast operations repeat within a round until they take about this long. */
    private static final double BATCH_MS = 300;

    private record Op(String name, Supplier<Object> run) {
    }

    private record Target(String label, String numerator, List<String> denominator, double target, boolean atMost) {
    }

    private Ratios() {
    }

    /**
     * Runs the rounds and prints the ratios.
     *
     * @param args [rounds]
     * @throws Exception on I/O errors
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        List<BundleGenerator.Entry> entries = Bundles.entries(1);
        YAMLMapper yaml = YAMLMapper.builder().build();
        ObjectReader typed = yaml.readerFor(KubernetesResource.class);
        Manifests manifests = Bundles.load(entries);
        Policy<Manifests> hardening = K8sHardening.policy();
        Policy<Manifests> ten = Bundles.tenChecks();
        CelChecks cel = new CelChecks();
        Path dir = Bundles.directory(1);
        Path out = Files.createTempFile("policydsl-ratios-", ".json");
        out.toFile().deleteOnExit();
        Object[] sink = new Object[1];
        Manifests firstHalf = Bundles.half(manifests, 0);
        Manifests secondHalf = Bundles.half(manifests, 1);
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ratios-ceiling");
            t.setDaemon(true);
            return t;
        });

        // evaluation first, over objects just loaded (as a scan evaluates them); loading allocates
        // gigabytes a round, and the collections it causes move the loaded objects apart, which
        // slows every operation that walks them, so it runs in a phase of its own afterwards
        List<Op> evaluation = List.of(
                new Op("k8sHardening", () -> hardening.evaluate(Bundles.fresh(manifests))),
                new Op("k8sHardeningParallel2", () -> hardening.evaluateParallel(Bundles.fresh(manifests), 2)),
                new Op("tenChecksDsl", () -> ten.evaluate(Bundles.fresh(manifests))),
                new Op("tenChecksHandWritten", () -> HandWritten.check(manifests)),
                new Op("tenChecksCel", () -> cel.check(manifests)),
                new Op("tenChecksHandWrittenParallel2", () -> {
                    try {
                        return HandWritten.checkOnTwoThreads(pool, firstHalf, secondHalf);
                    } catch (InterruptedException | ExecutionException e) {
                        throw new IllegalStateException(e);
                    }
                }));
        List<Op> loading = List.of(
                new Op("tokenize", () -> Operations.tokenize(yaml, entries)),
                new Op("deserialize", () -> Operations.deserialize(typed, entries, o -> sink[0] = o)),
                new Op("load", () -> Bundles.load(entries)),
                new Op("wholeScan", () -> Operations.wholeScan(dir, out)));
        List<Op> ops = new ArrayList<>(evaluation);
        ops.addAll(loading);
        List<Target> targets = List.of(
                new Target("loading / fabric8 deserialization (target <= 1.3)", "load", List.of("deserialize"), 1.3, true),
                new Target("k8s-hardening / loading (target <= 0.2)", "k8sHardening", List.of("load"), 0.2, true),
                new Target("CEL / DSL, ten checks (target >= 10)", "tenChecksCel", List.of("tenChecksDsl"), 10, false),
                new Target("DSL / hand-written, ten checks (target <= 2)", "tenChecksDsl", List.of("tenChecksHandWritten"),
                        2, true),
                new Target("sequential / 2 threads, k8s-hardening (target >= 1.7)", "k8sHardening",
                        List.of("k8sHardeningParallel2"), 1.7, false),
                new Target("whole scan / (tokenization + deserialization) (target <= 2)", "wholeScan",
                        List.of("tokenize", "deserialize"), 2, true),
                new Target("  machine ceiling: hand-written sequential / 2 threads on halves (no target)",
                        "tenChecksHandWritten", List.of("tenChecksHandWrittenParallel2"), 0, false));

        Map<String, Integer> reps = new LinkedHashMap<>();
        Map<String, double[]> ms = new LinkedHashMap<>();
        for (Op op : ops) {
            reps.put(op.name(), 1);
            ms.put(op.name(), new double[rounds]);
        }
        for (List<Op> phase : List.of(evaluation, loading)) {
            for (int round = 0; round < WARM_UP + rounds; round++) {
                List<Op> order = new ArrayList<>(phase);
                if (round % 2 == 1) {
                    java.util.Collections.reverse(order); // drift within a round falls on both sides alike
                }
                for (Op op : order) {
                    int n = reps.get(op.name());
                    long t0 = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        sink[0] = op.run().get();
                    }
                    double each = (System.nanoTime() - t0) / 1e6 / n;
                    if (round < WARM_UP) {
                        reps.put(op.name(), (int) Math.max(1, Math.ceil(BATCH_MS / each)));
                    } else {
                        ms.get(op.name())[round - WARM_UP] = each;
                    }
                }
            }
        }

        System.out.printf(Locale.ROOT, "JDK %s, %d cores; %d rounds after %d of warm-up%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds, WARM_UP);
        System.out.println("| operation | median ms | min–max ms |");
        System.out.println("|---|---:|---:|");
        for (Op op : ops) {
            double[] t = ms.get(op.name()).clone();
            Arrays.sort(t);
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f–%.1f |%n", op.name(), median(t), t[0], t[t.length - 1]);
        }
        System.out.println();
        System.out.println("| ratio, per round | median | min–max | rounds meeting the target |");
        System.out.println("|---|---:|---:|---:|");
        for (Target target : targets) {
            double[] r = new double[rounds];
            int met = 0;
            for (int i = 0; i < rounds; i++) {
                double below = 0;
                for (String d : target.denominator()) {
                    below += ms.get(d)[i];
                }
                r[i] = ms.get(target.numerator())[i] / below;
                if (target.atMost() ? r[i] <= target.target() : r[i] >= target.target()) {
                    met++;
                }
            }
            Arrays.sort(r);
            double median = median(r);
            boolean ok = target.atMost() ? median <= target.target() : median >= target.target();
            boolean none = target.target() <= 0;
            System.out.printf(Locale.ROOT, "| %s | %.2f %s | %.2f–%.2f | %s |%n", target.label(), median,
                    none ? "" : ok ? "MET" : "NOT MET", r[0], r[r.length - 1], none ? "" : met + " of " + rounds);
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
