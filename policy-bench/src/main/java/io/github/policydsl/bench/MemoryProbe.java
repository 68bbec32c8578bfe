package io.github.policydsl.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.github.policydsl.api.Policy;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.StreamingEvaluation;
import io.github.policydsl.k8s.load.ManifestLoader;
import io.github.policydsl.k8s.packs.K8sHardening;
import io.github.policydsl.k8s.secrets.SecretsPack;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.yaml.YAMLMapper;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Heap use of loading and evaluating a bundle, one mode per JVM:
 * {@code java -Xmx.. -cp benchmarks.jar io.github.policydsl.bench.MemoryProbe MODE SCALE DIR}, MODE one of
 * {@code fabric8} (Jackson YAML to fabric8 objects, kept), {@code batch} (our loader, kept, then
 * k8s-hardening and secrets evaluated) or {@code streaming} (the same packs file by file, findings kept) or {@code streaming-count}
 * (file by file, each file's report handed on and dropped, as a streaming writer would). Prints
 * the largest heap in use after any garbage collection (the peak live heap, as the collector saw
 * it) and the heap retained at the end after a full GC, against the input size.
 */
public final class MemoryProbe {

    private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();

    private MemoryProbe() {
    }

    /**
     * Runs the probe.
     *
     * @param args MODE SCALE DIR
     * @throws Exception on I/O errors
     */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int scale = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            BundleGenerator.writeScaled(dir, scale, 20261127L);
        }
        long bytes;
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        System.gc();
        long base = usedHeap();
        watchGc();
        List<Policy<Manifests>> packs = List.of(K8sHardening.policy(), SecretsPack.policy());
        Object keep;
        long objects;
        long findings;
        long t0 = System.nanoTime();
        switch (mode) {
            case "fabric8" -> {
                ObjectReader typed = YAMLMapper.builder().build().readerFor(KubernetesResource.class);
                List<KubernetesResource> all = new ArrayList<>();
                for (Path f : files) {
                    try (MappingIterator<KubernetesResource> it = typed.readValues(f.toFile())) {
                        while (it.hasNext()) {
                            all.add(it.next());
                        }
                    }
                }
                keep = all;
                objects = all.size();
                findings = -1;
            }
            case "batch" -> {
                Manifests m = ManifestLoader.defaults().load(dir);
                List<Report> reports = new ArrayList<>();
                for (Policy<Manifests> p : packs) {
                    reports.add(p.evaluate(m));
                }
                Report r = Report.merge(reports);
                keep = new Object[] {m, r};
                objects = m.resources().size();
                findings = r.results().stream().filter(x -> x.outcome() != io.github.policydsl.api.result.Outcome.PASS).count();
            }
            case "loadonly" -> {
                Manifests m = ManifestLoader.defaults().load(dir);
                keep = m;
                objects = m.resources().size();
                findings = -1;
            }
            case "streaming" -> {
                long[] n = new long[1];
                Report r = StreamingEvaluation.findings(ManifestLoader.defaults(), List.of(dir), packs);
                keep = r;
                objects = r.inputs().stream().mapToLong(i -> i.objects()).sum();
                findings = r.results().size();
                n[0] = findings;
            }
            case "streaming-count" -> {
                long[] n = new long[2];
                StreamingEvaluation.forEachFile(ManifestLoader.defaults(), List.of(dir), packs, r -> {
                    n[0] += r.inputs().stream().mapToLong(i -> i.objects()).sum();
                    n[1] += r.summary().fail() + r.summary().warn() + r.summary().error() + r.summary().skip();
                });
                keep = n;
                objects = n[0];
                findings = n[1];
            }
            default -> throw new IllegalArgumentException("mode: fabric8, batch, loadonly or streaming");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long retained = usedHeap() - base;
        long peak = Math.max(PEAK_AFTER_GC.get(), usedHeap()) - base;
        System.out.printf(Locale.ROOT, "%s scale=%d files=%d input=%.1fMB objects=%d findings=%d time=%.1fs "
                + "peakLiveHeap=%.0fMB (%.2fx input) retained=%.0fMB (%.2fx input) maxHeap=%.0fMB%n",
                mode, scale, files.size(), bytes / 1e6, objects, findings, seconds, peak / 1e6, peak / (double) bytes,
                retained / 1e6, retained / (double) bytes, Runtime.getRuntime().maxMemory() / 1e6);
        if (keep.hashCode() == 42) {
            System.out.println();
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void watchGc() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (java.util.Map.Entry<String, MemoryUsage> u : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    String pool = u.getKey();
                    if (!pool.contains("Metaspace") && !pool.contains("CodeHeap") && !pool.contains("Compressed Class")) {
                        used += u.getValue().getUsed();
                    }
                }
                PEAK_AFTER_GC.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }
}
