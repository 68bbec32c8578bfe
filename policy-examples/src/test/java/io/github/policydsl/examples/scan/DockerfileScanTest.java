package io.github.policydsl.examples.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.policydsl.examples.corpus.DockerfileCorpus;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DockerfileScanTest {

    static final Path SAMPLES = Path.of("..", "samples", "docker");
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Run(int exit, String out, String err) {
        JsonNode json() {
            return JSON.readTree(out);
        }
    }

    static Run scan(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PolicyScan.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void goodSampleFailsOnlyOnDigestPinningAndPassesAtHighThreshold() {
        Run r = scan("--format", "json", SAMPLES.resolve("good").toString());
        assertThat(r.exit()).isEqualTo(PolicyScan.FAILED);
        JsonNode j = r.json();
        assertThat(j.get("inputs")).hasSize(1);
        assertThat(j.get("inputs").get(0).get("type").asString()).isEqualTo("dockerfile");
        assertThat(j.get("inputs").get(0).get("objects").asInt()).isEqualTo(11);
        for (JsonNode f : j.get("findings")) {
            if ("FAIL".equals(f.get("status").asString())) {
                assertThat(f.get("ruleId").asString()).isEqualTo("docker.base.pinned-digest");
            }
        }
        assertThat(scan("--fail-on", "high", SAMPLES.resolve("good").toString()).exit()).isEqualTo(PolicyScan.OK);
    }

    @Test
    void badSampleFailsWithViolationsAtInstructionLines() {
        Run r = scan("--format", "json", "--pack", "dockerfile", SAMPLES.resolve("bad/Dockerfile").toString());
        assertThat(r.exit()).isEqualTo(PolicyScan.FAILED);
        Map<String, Integer> lineOf = new HashMap<>();
        for (JsonNode f : r.json().get("findings")) {
            lineOf.putIfAbsent(f.get("ruleId").asString(), f.get("line").asInt());
        }
        assertThat(lineOf).containsEntry("docker.run.no-pipe-to-shell", 5).containsEntry("docker.run.no-sudo", 6)
                .containsEntry("docker.expose.no-ssh", 11).containsEntry("docker.cmd.exec-form", 12)
                .containsEntry("docker.secrets.env-arg", 2).containsEntry("docker.add.remote-checksum", 8);
    }

    @Test
    void parseErrorExitsTwoNamingFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\nRUN true\nFRM x\n");
        Path sub = Files.createDirectories(dir.resolve("svc"));
        Files.writeString(sub.resolve("api.Dockerfile"), "FROM alpine:3.20\nUSER app\n");
        Run r = scan("--format", "json", dir.toString());
        assertThat(r.exit()).isEqualTo(PolicyScan.ERROR);
        String file = dir.resolve("Dockerfile").toString();
        assertThat(r.err()).contains(file + ":3:1: error: unknown instruction: FRM");
        JsonNode err = null;
        for (JsonNode f : r.json().get("findings")) {
            if ("load-error".equals(f.get("ruleId").asString())) {
                err = f;
            }
        }
        assertThat(err).isNotNull();
        assertThat(err.get("file").asString()).isEqualTo(file);
        assertThat(err.get("line").asInt()).isEqualTo(3);
        // the good file next to it is still scanned
        assertThat(r.json().get("inputs")).hasSize(1);
    }

    @Test
    void parserRejectionIsALoadErrorToo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("Containerfile");
        Files.writeString(f, "FROM alpine:3.20\nRUN " + "x".repeat(70_000) + "\n");
        Run r = scan(f.toString());
        assertThat(r.exit()).isEqualTo(PolicyScan.ERROR);
        assertThat(r.err()).contains(f + ":2:");
    }

    @Test
    void mixedSamplesRunBothDefaultPacksAndListRulesShowsTheCatalogue() {
        Run r = scan("--format", "json", Path.of("..", "samples").toString());
        assertThat(r.exit()).isEqualTo(PolicyScan.FAILED);
        List<String> types = r.json().get("inputs").valueStream().map(i -> i.get("type").asString()).distinct().toList();
        assertThat(types).contains("manifest", "dockerfile");
        Run list = scan("--list-rules", "--pack", "dockerfile");
        assertThat(list.exit()).isZero();
        assertThat(list.out().lines()).hasSize(16).allMatch(l -> l.startsWith("docker.") && l.contains("\tdockerfile\t"));
    }

    @Test
    void generatedCorpusScansWithoutCrashAndInstructionCountsAgree(@TempDir Path dir) throws Exception {
        List<DockerfileCorpus.Entry> corpus = DockerfileCorpus.generate(450, 20261126L);
        Map<Path, Integer> expected = DockerfileCorpus.write(dir, corpus);
        Run r = scan("--format", "json", "--pack", "dockerfile", dir.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isIn(PolicyScan.OK, PolicyScan.FAILED);
        JsonNode j = r.json();
        Map<String, Integer> actual = new HashMap<>();
        for (JsonNode in : j.get("inputs")) {
            actual.put(in.get("file").asString(), in.get("objects").asInt());
        }
        Map<String, Integer> want = new HashMap<>();
        expected.forEach((p, n) -> want.put(p.toString(), n));
        assertThat(actual).isEqualTo(want);
        assertThat(j.get("summary").get("error").asInt()).isZero();
        int total = want.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isGreaterThan(450 * 5);
    }
}
