package io.github.policydsl.bench;

import io.github.policydsl.api.result.Report;
import io.github.policydsl.bench.K8sBench.Loaded;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The Kubernetes benchmarks that enter a target ratio of issue #8 (the ten checks in each form,
 * and k8s-hardening sequential and on 2 threads), over the bundle {@link K8sBench} loads. They run
 * in three forks: on the reference machine a fork's memory layout alone moves these memory-bound
 * figures by 15–40%, and {@code Summary} takes the median of all iterations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgs = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC"})
public class K8sRatioBench {

    /**
     * (d'') k8s-hardening on the calling thread through the same API as (d'), the sequential side
     * of the parallel ratio.
     */
    @Benchmark
    public Report d_evaluateK8sHardeningSequential(Loaded l) {
        return io.github.policydsl.k8s.packs.K8sHardening.policy().evaluate(Bundles.fresh(l.manifests));
    }

    /** (d') k8s-hardening evaluated on 2 threads (shared passes split by subject). */
    @Benchmark
    public Report d_evaluateK8sHardeningParallel2(Loaded l) {
        return io.github.policydsl.k8s.packs.K8sHardening.policy().evaluateParallel(Bundles.fresh(l.manifests), 2);
    }

    /** (g) the ten checks as CEL: objects converted to maps, ten compiled programs per pod template. */
    @Benchmark
    public Object g_tenChecksCel(Loaded l) {
        return l.cel.check(l.manifests);
    }

    /** (g') the ten checks written by hand over the fabric8 objects. */
    @Benchmark
    public Object g_tenChecksHandWritten(Loaded l) {
        return HandWritten.check(l.manifests);
    }

    /**
     * (g'''') the ten checks written by hand, producing the DSL's report (a result for every pod
     * and rule, violations with messages and locations, sorted): what the result contract costs
     * without the DSL. {@code Sanity} checks that its results equal the DSL's.
     */
    @Benchmark
    public Report g_tenChecksHandWrittenReport(Loaded l) {
        return l.handReport.check(l.manifests);
    }

    /**
     * (g''') the ten hand-written checks on 2 threads, each over one half of the objects: no
     * merge, no shared state, so its speed-up over (g') is what this machine's memory allows for
     * this work at all, the ceiling for any parallel evaluation.
     */
    @Benchmark
    public int g_tenChecksHandWrittenParallel2(Loaded l) throws Exception {
        return HandWritten.checkOnTwoThreads(l.pool, l.firstHalf, l.secondHalf);
    }

    /** (g'') the ten checks as DSL rules (the k8s-hardening rules with those ids). */
    @Benchmark
    public Report g_tenChecksDsl(Loaded l) {
        return l.ten.evaluate(Bundles.fresh(l.manifests));
    }
}
