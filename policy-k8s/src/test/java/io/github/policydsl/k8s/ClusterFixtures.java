package io.github.policydsl.k8s;

import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.k8s.load.ManifestLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test helpers for the cluster-level packs: load test resources, find lines. */
public final class ClusterFixtures {

    private static final ManifestLoader LOADER = ManifestLoader.defaults();

    private ClusterFixtures() {
    }

    /** The text of a test resource under {@code cluster/}. */
    public static String text(String name) {
        try (InputStream in = ClusterFixtures.class.getResourceAsStream("/cluster/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a test resource under {@code cluster/}, failing on load errors. */
    public static Manifests load(String name) {
        Manifests m = LOADER.loadString(name, text(name));
        if (!m.isClean()) {
            throw new AssertionError("load errors in " + name + ": " + m.errors());
        }
        return m;
    }

    /** Loads YAML text. */
    public static Manifests yaml(String text) {
        Manifests m = LOADER.loadString("test.yaml", text);
        if (!m.isClean()) {
            throw new AssertionError("load errors: " + m.errors());
        }
        return m;
    }

    /**
     * The 1-based line of the n-th (from 1) line of a resource that contains a needle.
     */
    public static int line(String name, String needle, int occurrence) {
        String[] lines = text(name).split("\n", -1);
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle) && ++seen == occurrence) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("'" + needle + "' #" + occurrence + " not in " + name);
    }

    /** The violations of one rule id. */
    public static List<Violation> of(Report report, String ruleId) {
        return report.violations().stream().filter(v -> v.ruleId().equals(ruleId)).toList();
    }
}
