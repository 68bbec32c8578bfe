package io.github.policydsl.bench;

import io.github.policydsl.api.Policy;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.ManifestLoader;
import io.github.policydsl.k8s.packs.K8sHardening;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Generated inputs shared by the benchmarks, generated once per JVM and scale. */
final class Bundles {

    /** The ten k8s-hardening checks that also have a CEL and a hand-written form. */
    static final Set<String> TEN = Set.of(K8sHardening.RUN_AS_NON_ROOT, K8sHardening.RUN_AS_USER_NOT_ROOT,
            K8sHardening.SECCOMP, K8sHardening.NO_PRIVILEGE_ESCALATION, K8sHardening.READ_ONLY_ROOT_FS,
            K8sHardening.DROP_ALL, K8sHardening.NOT_PRIVILEGED, K8sHardening.NO_HOST_NAMESPACES,
            K8sHardening.RESOURCE_LIMITS, K8sHardening.IMAGE_NO_LATEST);

    private static final ConcurrentHashMap<Integer, List<BundleGenerator.Entry>> ENTRIES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Integer, Path> DIRS = new ConcurrentHashMap<>();

    private Bundles() {
    }

    static List<BundleGenerator.Entry> entries(int scale) {
        // in the order a directory walk reads them, as the scanner loads a bundle from disk
        return ENTRIES.computeIfAbsent(scale, s -> BundleGenerator.generate(s, 20261127L).stream()
                .sorted(java.util.Comparator.comparing(BundleGenerator.Entry::relativePath)).toList());
    }

    static Path directory(int scale) {
        return DIRS.computeIfAbsent(scale, s -> {
            try {
                Path dir = Files.createTempDirectory("policydsl-bench-" + s + "x-");
                BundleGenerator.write(dir, entries(s));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Manifests load(List<BundleGenerator.Entry> entries) {
        ManifestLoader loader = ManifestLoader.defaults();
        List<Manifests> parts = new ArrayList<>(entries.size());
        for (BundleGenerator.Entry e : entries) {
            parts.add(loader.load(e.relativePath(), new ByteArrayInputStream(e.content())));
        }
        return Manifests.merge(parts);
    }

    /** One half of the objects (0: the first, 1: the second), with all inputs: the halves of the parallel ceiling. */
    static Manifests half(Manifests m, int which) {
        List<io.github.policydsl.k8s.load.LoadedResource> all = m.resources();
        int mid = all.size() / 2;
        return Manifests.of(which == 0 ? all.subList(0, mid) : all.subList(mid, all.size()), List.of(), m.inputs());
    }

    /** The same objects with empty caches, so that derived indexes are rebuilt as in a real run. */
    static Manifests fresh(Manifests m) {
        return Manifests.merge(List.of(m));
    }

    static Policy<Manifests> tenChecks() {
        return Policy.<Manifests>named("k8s-hardening-ten", "1").include(
                K8sHardening.policy().rules().stream().filter(r -> TEN.contains(r.id())).toList());
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
