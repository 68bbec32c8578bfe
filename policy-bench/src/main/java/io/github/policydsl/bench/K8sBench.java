package io.github.policydsl.bench;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.github.policydsl.api.Policy;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.examples.scan.Pack;
import io.github.policydsl.examples.scan.Packs;
import io.github.policydsl.examples.scan.ScanInput;
import io.github.policydsl.k8s.Manifests;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Kubernetes side of issue #8, every operation over the whole generated bundle (about 20,000
 * objects / 60 MB at scale 1): (a) Jackson YAML tokenization, (b) fabric8 typed deserialization
 * with Jackson YAML, (c) our loading with source maps, (d) each pack, (e) the whole scan. The
 * benchmarks behind the target ratios ((g) ten hardening checks with cel-java, by hand and with
 * the DSL, and k8s-hardening sequential and on 2 threads) are in {@link K8sRatioBench}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 7, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC"})
public class K8sBench {

    /** The bundle, as bytes per file. */
    @State(Scope.Benchmark)
    public static class Input {
        @Param({"1"})
        public int scale;

        List<BundleGenerator.Entry> entries;
        YAMLMapper yaml;
        ObjectReader typed;

        @Setup(Level.Trial)
        public void setUp() {
            entries = Bundles.entries(scale);
            yaml = YAMLMapper.builder().build();
            typed = yaml.readerFor(KubernetesResource.class);
        }
    }

    /** The bundle, loaded once. */
    @State(Scope.Benchmark)
    public static class Loaded {
        @Param({"1"})
        public int scale;

        Manifests manifests;
        Policy<Manifests> ten;
        CelChecks cel;
        HandWrittenReport handReport;
        /** The objects in two halves, and two threads, for the machine's parallel ceiling. */
        Manifests firstHalf;
        Manifests secondHalf;
        ExecutorService pool;

        @Setup(Level.Trial)
        public void setUp() {
            manifests = Bundles.load(Bundles.entries(scale));
            ten = Bundles.tenChecks();
            cel = new CelChecks();
            handReport = new HandWrittenReport(ten);
            firstHalf = Bundles.half(manifests, 0);
            secondHalf = Bundles.half(manifests, 1);
            pool = Executors.newFixedThreadPool(2);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pool.shutdownNow();
        }
    }

    /** A pack to evaluate. */
    @State(Scope.Benchmark)
    public static class PackChoice {
        @Param({"k8s-hardening", "pss-baseline", "pss-restricted", "pss", "rbac", "network-policies", "secrets"})
        public String pack;

        Pack resolved;

        @Setup(Level.Trial)
        public void setUp() {
            resolved = Packs.resolve(pack);
        }
    }

    /** The bundle on disk, for the whole scan. */
    @State(Scope.Benchmark)
    public static class OnDisk {
        @Param({"1"})
        public int scale;

        Path dir;
        Path out;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            dir = Bundles.directory(scale);
            out = Files.createTempFile("policydsl-bench-", ".json");
            out.toFile().deleteOnExit();
        }
    }

    /** (a) Jackson YAML tokenization alone: every token of every document, nothing built. */
    @Benchmark
    public long a_tokenizeJacksonYaml(Input in) {
        return Operations.tokenize(in.yaml, in.entries);
    }

    /** (b) fabric8 typed deserialization alone: YAML text to fabric8 objects with Jackson YAML, no positions. */
    @Benchmark
    public int b_deserializeFabric8(Input in, Blackhole bh) {
        return Operations.deserialize(in.typed, in.entries, bh::consume);
    }

    /** (c) our loading: YAML 1.1 semantics, strict typing, a source map for every node. */
    @Benchmark
    public Manifests c_loadWithSourceMaps(Input in) {
        return Bundles.load(in.entries);
    }

    /** (d) one pack over the loaded bundle (derived indexes rebuilt, as in a real run). */
    @Benchmark
    public Report d_evaluatePack(Loaded l, PackChoice p) {
        return p.resolved.evaluate().apply(new ScanInput(Bundles.fresh(l.manifests)));
    }

    /** (e) the whole scan: policy-scan over the bundle directory, default packs, JSON to a file. */
    @Benchmark
    public int e_wholeScan(OnDisk d) {
        return Operations.wholeScan(d.dir, d.out);
    }
}
