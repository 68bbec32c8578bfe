package io.github.policydsl.examples.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The scanner's command-line contract: formats, exit codes, errors naming file and line. */
class PolicyScanTest {

    /** The result of one in-process run. */
    record Run(int exit, String out, String err) {
    }

    static Run scan(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PolicyScan.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void goldenTextOfTheFailingSample() throws Exception {
        Run r = scan("--pack", "k8s-hardening", "../samples/k8s/bad/insecure-workloads.yaml");
        assertThat(r.exit()).isEqualTo(PolicyScan.FAILED);
        String golden = Files.readString(Path.of("src/test/resources/golden/k8s-hardening-bad.txt"));
        assertThat(r.out()).isEqualTo(golden);
    }

    @Test
    void theSecurePodPasses() {
        Run r = scan("--pack", "k8s-hardening", "../samples/k8s/good/secure-pod.yaml");
        assertThat(r.exit()).isEqualTo(PolicyScan.OK);
        assertThat(r.out()).endsWith("1 file, 13 rules, 13 results: pass 13, fail 0, warn 0, error 0, skip 0\n");
    }

    @Test
    void jsonContract() {
        Run r = scan("--pack", "k8s-hardening", "--format", "json", "../samples/k8s/bad/insecure-workloads.yaml");
        assertThat(r.exit()).isEqualTo(PolicyScan.FAILED);
        JsonNode root = JsonMapper.builder().build().readTree(r.out());
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("inputs").get(0).get("file").asString()).isEqualTo("../samples/k8s/bad/insecure-workloads.yaml");
        assertThat(root.get("inputs").get(0).get("type").asString()).isEqualTo("manifest");
        assertThat(root.get("inputs").get(0).get("objects").asInt()).isEqualTo(2);
        JsonNode first = root.get("findings").get(0);
        assertThat(first.get("status").asString()).isEqualTo("FAIL");
        assertThat(first.get("line").asInt()).isPositive();
        assertThat(first.get("path").asString()).startsWith("spec.template.spec.");
        assertThat(first.get("resource").get("kind").asString()).isEqualTo("Deployment");
        assertThat(root.get("summary").get("fail").asInt()).isPositive();
    }

    @Test
    void malformedInputExitsTwoNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.yaml");
        Files.writeString(bad, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n");
        Run r = scan("--pack", "k8s-hardening", bad.toString());
        assertThat(r.exit()).isEqualTo(PolicyScan.ERROR);
        assertThat(r.err()).contains(bad + ":").contains("invalid YAML");
        assertThat(r.out()).contains("ERROR HIGH load-error");
    }

    @Test
    void loadErrorsWinOverFailures(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("nokind.yaml"), "apiVersion: v1\nmetadata: {name: x}\n");
        Files.copy(Path.of("../samples/k8s/bad/insecure-workloads.yaml"), dir.resolve("bad.yaml"));
        Run r = scan(dir.toString());
        assertThat(r.exit()).isEqualTo(PolicyScan.ERROR);
        assertThat(r.err()).contains("nokind.yaml:1:1: error: object at document root has no kind");
    }

    @Test
    void usageErrors() {
        assertThat(scan().exit()).isEqualTo(PolicyScan.ERROR);
        assertThat(scan("--pack", "nope", "x").exit()).isEqualTo(PolicyScan.ERROR);
        assertThat(scan("--format", "xml", "x").exit()).isEqualTo(PolicyScan.ERROR);
        assertThat(scan("--bogus").err()).contains("unknown option --bogus");
        assertThat(scan("../samples/does-not-exist").exit()).isEqualTo(PolicyScan.ERROR);
    }

    @Test
    void failOnThreshold() {
        // the good sample passes; the bad one has CRITICAL findings, so even --fail-on critical fails
        assertThat(scan("--pack", "k8s-hardening", "--fail-on", "critical", "../samples/k8s/bad").exit())
                .isEqualTo(PolicyScan.FAILED);
    }

    @Test
    void listRules() {
        Run r = scan("--list-rules", "--pack", "k8s-hardening");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).hasSize(13).allSatisfy(l -> assertThat(l.split("\t")).hasSize(4));
        assertThat(r.out()).contains("k8s.no-privileged\tk8s-hardening\tCRITICAL\tpods must not be privileged");
    }

    @Test
    void outputFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report.json");
        Run r = scan("--pack", "k8s-hardening", "--format", "json", "--output", out.toString(), "../samples/k8s/good");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).contains("\"schemaVersion\" : 1");
    }
}
