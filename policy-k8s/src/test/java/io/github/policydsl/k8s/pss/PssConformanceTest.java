package io.github.policydsl.k8s.pss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Runs every upstream Pod Security admission fixture listed in {@code INDEX.tsv} (4537 rows) and
 * checks the expected outcome: no forbidden result for {@code pass}, and for {@code fail} a forbidden
 * result from the check the file name names (or the restricted check that replaces it), with extra
 * failing checks only where CHECKS.md section 6.2 lists them.
 */
class PssConformanceTest {

    private static final String DIR_PROPERTY = "policydsl.conformance.pss";
    private static final String REQUIRED_PROPERTY = "policydsl.conformance.required";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** Baseline checks hidden at restricted, mapped to the restricted check that replaces them. */
    private static final Map<String, String> OVERRIDDEN_BY = Map.of(
            "hostPathVolumes", "restrictedVolumes",
            "seccompProfile_baseline", "seccompProfile_restricted",
            "capabilities_baseline", "capabilities_restricted",
            "procMount", "procMount_restricted");

    /** The forbidden-reason strings of CHECKS.md section 1. */
    private static final Map<String, Set<String>> REASONS = Map.ofEntries(
            Map.entry("appArmorProfile", Set.of("forbidden AppArmor profile", "forbidden AppArmor profiles")),
            Map.entry("capabilities_baseline", Set.of("non-default capabilities")),
            Map.entry("hostNamespaces", Set.of("host namespaces")),
            Map.entry("hostPathVolumes", Set.of("hostPath volumes")),
            Map.entry("hostPorts", Set.of("hostPort")),
            Map.entry("hostProbesAndHostLifecycle", Set.of("probe or lifecycle host")),
            Map.entry("privileged", Set.of("privileged")),
            Map.entry("procMount", Set.of("procMount")),
            Map.entry("seLinuxOptions", Set.of("seLinuxOptions")),
            Map.entry("seccompProfile_baseline", Set.of("seccompProfile")),
            Map.entry("sysctls", Set.of("forbidden sysctls")),
            Map.entry("windowsHostProcess", Set.of("hostProcess")),
            Map.entry("allowPrivilegeEscalation", Set.of("allowPrivilegeEscalation != false")),
            Map.entry("capabilities_restricted", Set.of("unrestricted capabilities")),
            Map.entry("procMount_restricted", Set.of("procMount")),
            Map.entry("restrictedVolumes", Set.of("restricted volume types")),
            Map.entry("runAsNonRoot", Set.of("runAsNonRoot != true")),
            Map.entry("runAsUser", Set.of("runAsUser=0")),
            Map.entry("seccompProfile_restricted", Set.of("seccompProfile")));

    private static final Map<String, int[]> COUNTS = new ConcurrentHashMap<>();
    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger TOTAL = new AtomicInteger();

    private record Row(PssLevel level, PssVersion version, boolean expectPass, String path) {
    }

    private static Path dir() {
        return Paths.get(System.getProperty(DIR_PROPERTY, "../shared/conformance/pss"));
    }

    /**
     * Skips (or, with {@code policydsl.conformance.required=true}, fails) when the data is absent.
     * Called by both tests so that the outcome shows in the test counts.
     */
    private static Path requireData() {
        Path dir = dir();
        if (!Files.isRegularFile(dir.resolve("INDEX.tsv"))) {
            String msg = "PSS conformance data not found at " + dir.toAbsolutePath()
                    + " (set -D" + DIR_PROPERTY + "=<dir with INDEX.tsv>)";
            if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
                fail(msg + " and " + REQUIRED_PROPERTY + "=true");
            }
            System.out.println("SKIPPED: " + msg);
            Assumptions.abort(msg + "; skipping the PSS conformance tests");
        }
        return dir;
    }

    @Test
    void conformanceDataIsPresent() {
        assertThat(requireData().resolve("testdata")).isDirectory();
    }

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        Path dir = requireData();
        Path index = dir.resolve("INDEX.tsv");
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            assertThat(f).as("INDEX.tsv line: %s", line).hasSize(4);
            assertThat(f[2]).isIn("pass", "fail");
            rows.add(new Row(PssLevel.parse(f[0]), PssVersion.parse(f[1]), "pass".equals(f[2]), f[3]));
        }
        assertThat(rows).as("INDEX.tsv rows").hasSize(4537);
        TOTAL.set(rows.size());
        return rows.stream().map(row -> DynamicTest.dynamicTest(
                row.level.label() + " " + row.version + " " + (row.expectPass ? "pass" : "fail") + " "
                        + fileName(row.path),
                () -> run(dir, row)));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code capabilities_baseline3.yaml} to the check id, via the lower-cased id table. */
    private static String checkOf(String fileName) {
        String stem = fileName.replaceFirst("\\.yaml$", "").replaceFirst("[0-9]+$", "");
        for (String id : PodSecurityChecks.allCheckIds()) {
            if (id.toLowerCase(Locale.ROOT).equals(stem)) {
                return id;
            }
        }
        return stem; // base, base_linux, base_windows
    }

    private static void run(Path dir, Row row) throws IOException {
        String file = fileName(row.path);
        String check = checkOf(file);
        Pod pod = YAML.readValue(dir.resolve(row.path).toFile(), Pod.class);
        assertThat(pod.getKind()).isEqualTo("Pod");
        List<PssCheckResult> results = PodSecurityChecks.evaluate(row.level, row.version, pod);
        Set<String> failing = results.stream().map(PssCheckResult::checkId).collect(Collectors.toSet());
        boolean ok = false;
        try {
            if (row.expectPass) {
                assertThat(results).as("%s: expected no forbidden result, got %s", row.path,
                        PodSecurityChecks.aggregateMessage(results)).isEmpty();
            } else {
                assertThat(results).as("%s: expected a forbidden result", row.path).isNotEmpty();
                String expected = expectedCheck(check, row);
                assertThat(failing).as("%s: failing checks", row.path).contains(expected);
                Set<String> allowedExtra = allowedExtra(check, file, row);
                assertThat(failing).as("%s: unexpected extra failing checks", row.path)
                        .isSubsetOf(union(Set.of(expected), allowedExtra));
                for (PssCheckResult r : results) {
                    assertThat(r.forbiddenReason()).as("%s: reason of %s", row.path, r.checkId())
                            .isIn(REASONS.get(r.checkId()));
                    assertThat(r.level()).isEqualTo(PodSecurityChecks.levelOf(r.checkId()));
                    assertThat(r.fieldPaths()).as("%s: field paths of %s", row.path, r.checkId()).isNotEmpty();
                    assertThat(r.fieldPaths()).allSatisfy(p -> assertThat(p.toString()).matches("^(spec|metadata)\\..*"));
                }
            }
            ok = true;
        } finally {
            // [pass fixtures ok, pass fixtures total, fail fixtures ok, fail fixtures total]
            int[] c = COUNTS.computeIfAbsent(check, k -> new int[4]);
            synchronized (c) {
                int base = row.expectPass ? 0 : 2;
                c[base + 1]++;
                if (ok) {
                    c[base]++;
                }
            }
            if (ok) {
                PASSED.incrementAndGet();
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return s;
    }

    private static String expectedCheck(String check, Row row) {
        if (row.level == PssLevel.RESTRICTED && OVERRIDDEN_BY.containsKey(check)) {
            String replacement = OVERRIDDEN_BY.get(check);
            if (PodSecurityChecks.checkIds(PssLevel.RESTRICTED, row.version).contains(replacement)) {
                return replacement;
            }
        }
        return check;
    }

    /** The extra failures CHECKS.md section 6.2 lists for some generators. */
    private static Set<String> allowedExtra(String check, String file, Row row) {
        int minor = row.version.resolve().minor();
        switch (check) {
            case "windowsHostProcess":
                return Set.of("hostNamespaces");
            case "privileged":
                return row.level == PssLevel.RESTRICTED && minor >= 8 ? Set.of("allowPrivilegeEscalation") : Set.of();
            case "allowPrivilegeEscalation":
                // only the generator case that sets securityContext to null
                return minor >= 22 && file.equals("allowprivilegeescalation3.yaml")
                        ? Set.of("capabilities_restricted") : Set.of();
            default:
                return Set.of();
        }
    }

    @AfterAll
    static void report() {
        if (TOTAL.get() == 0) {
            return;
        }
        Map<String, int[]> sorted = new TreeMap<>(COUNTS);
        StringBuilder sb = new StringBuilder(String.format("pss conformance by check (fixture prefix):%n"));
        sb.append(String.format("  %-28s %11s %11s%n", "check", "pass cases", "fail cases"));
        sorted.forEach((k, v) -> sb.append(String.format("  %-28s %5d/%-5d %5d/%-5d%n", k, v[0], v[1], v[2], v[3])));
        sb.append("pss conformance: ").append(PASSED.get()).append('/').append(TOTAL.get());
        System.out.println(sb);
    }
}
