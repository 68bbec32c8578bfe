package io.github.policydsl.examples.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.policydsl.k8s.pss.PodSecurityChecks;
import io.github.policydsl.k8s.pss.PodSecurityStandards;
import io.github.policydsl.k8s.pss.PssLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scanner end to end over every upstream Pod Security fixture of {@code INDEX.tsv}: runs
 * {@code policy-scan --pack pss-<level>:<version> --format json <fixture>} in-process and expects
 * exit code 1 for every {@code fail} fixture and 0 for every {@code pass} fixture. For fail
 * fixtures it also checks the JSON findings: a FAIL of rule {@code k8s.pss.<level>} whose message
 * names the check the fixture is about (or the restricted check that replaces it), with a field
 * path and a source line.
 */
class PssScannerConformanceTest {

    private static final String DIR_PROPERTY = "policydsl.conformance.pss";
    private static final String REQUIRED_PROPERTY = "policydsl.conformance.required";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Baseline checks hidden at restricted, mapped to the restricted check that replaces them. */
    private static final Map<String, String> OVERRIDDEN_BY = Map.of(
            "hostPathVolumes", "restrictedVolumes",
            "seccompProfile_baseline", "seccompProfile_restricted",
            "capabilities_baseline", "capabilities_restricted",
            "procMount", "procMount_restricted");

    private static Path requireData() {
        Path dir = Paths.get(System.getProperty(DIR_PROPERTY, "../shared/conformance/pss"));
        if (!Files.isRegularFile(dir.resolve("INDEX.tsv"))) {
            String msg = "PSS conformance data not found at " + dir.toAbsolutePath()
                    + " (set -D" + DIR_PROPERTY + "=<dir with INDEX.tsv>)";
            if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
                fail(msg + " and " + REQUIRED_PROPERTY + "=true");
            }
            System.out.println("SKIPPED: " + msg);
            Assumptions.abort(msg + "; skipping the scanner PSS conformance test");
        }
        return dir;
    }

    /** The check a fixture name is about (file stem without trailing digits), or null for base*. */
    private static String checkOf(String file) {
        String stem = Paths.get(file).getFileName().toString().replaceFirst("\\.yaml$", "").replaceFirst("[0-9]+$", "");
        for (String id : PodSecurityChecks.allCheckIds()) {
            if (id.toLowerCase(Locale.ROOT).equals(stem.toLowerCase(Locale.ROOT))) {
                return id;
            }
        }
        return null;
    }

    @Test
    void everyFixtureGivesTheExpectedExitCode() throws IOException {
        Path dir = requireData();
        List<String> lines = Files.readAllLines(dir.resolve("INDEX.tsv"), StandardCharsets.UTF_8);
        Map<String, int[]> byKey = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        int total = 0;
        int ok = 0;
        long start = System.nanoTime();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            assertThat(f).as("INDEX.tsv line: %s", line).hasSize(4);
            String level = f[0];
            String version = f[1];
            boolean expectFail = "fail".equals(f[2]);
            String file = dir.resolve(f[3]).toString();
            total++;

            ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
            ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
            int code;
            try (PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
                    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
                code = PolicyScan.run(new String[] {"--pack", "pss-" + level + ":" + version, "--format", "json", file},
                        out, err);
            }
            String problem = verify(level, expectFail, file, code, outBytes.toString(StandardCharsets.UTF_8),
                    errBytes.toString(StandardCharsets.UTF_8));
            int[] counts = byKey.computeIfAbsent(level + " " + f[2], k -> new int[2]);
            counts[1]++;
            if (problem == null) {
                ok++;
                counts[0]++;
            } else {
                mismatches.add(line + " -> " + problem);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        StringBuilder summary = new StringBuilder("pss scanner conformance: " + ok + "/" + total + " in " + millis + " ms\n");
        byKey.forEach((k, c) -> summary.append(String.format("  %-16s %4d/%d%n", k, c[0], c[1])));
        System.out.print(summary);
        assertThat(total).as("INDEX.tsv rows").isEqualTo(4537);
        assertThat(mismatches).as("fixtures with an unexpected scanner result (%d of %d)", mismatches.size(), total)
                .isEmpty();
    }

    private static String verify(String level, boolean expectFail, String file, int code, String out, String err) {
        if (!err.isEmpty()) {
            return "unexpected stderr: " + err.strip();
        }
        int expected = expectFail ? PolicyScan.FAILED : PolicyScan.OK;
        if (code != expected) {
            return "exit " + code + ", expected " + expected + "; output: " + out;
        }
        JsonNode root = JSON.readTree(out);
        if (root.path("schemaVersion").asInt() != 1) {
            return "no JSON report: " + out;
        }
        String ruleId = PodSecurityStandards.ruleId(PssLevel.parse(level));
        List<JsonNode> fails = new ArrayList<>();
        for (JsonNode n : root.path("findings")) {
            if (!ruleId.equals(n.path("ruleId").asString())) {
                return "finding of another rule: " + n;
            }
            if ("FAIL".equals(n.path("status").asString())) {
                fails.add(n);
            }
        }
        if (!expectFail) {
            return fails.isEmpty() ? null : "FAIL findings for a pass fixture: " + fails;
        }
        if (root.path("summary").path("fail").asInt() != 1) {
            return "summary.fail is not 1 for one pod: " + root.path("summary");
        }
        String check = checkOf(file);
        if (check == null) {
            return "fail fixture without a check prefix";
        }
        Set<String> accepted = "restricted".equals(level) && OVERRIDDEN_BY.containsKey(check)
                ? Set.of(check, OVERRIDDEN_BY.get(check)) : Set.of(check);
        for (JsonNode n : fails) {
            String message = n.path("message").asString();
            boolean namesCheck = accepted.stream().anyMatch(c -> message.contains(": " + c + ": "));
            if (namesCheck && message.startsWith("violates PodSecurity \"" + level + ":")
                    && !n.path("path").asString().isEmpty() && n.path("line").asInt() > 0
                    && n.path("file").asString().equals(file)) {
                return null;
            }
        }
        return "no FAIL finding names check " + accepted + " with path and line: " + fails;
    }
}
