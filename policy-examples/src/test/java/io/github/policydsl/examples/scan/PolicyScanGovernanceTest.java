package io.github.policydsl.examples.scan;

import io.github.policydsl.k8s.packs.K8sHardening;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyScanGovernanceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: %s
              namespace: shop
              annotations:
            %s
            spec:
              automountServiceAccountToken: false
              securityContext:
                runAsNonRoot: true
                seccompProfile: {type: RuntimeDefault}
              containers:
                - name: app
                  image: registry.example.com/app:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                  resources:
                    limits: {cpu: 100m, memory: 64Mi}
                    requests: {cpu: 100m, memory: 64Mi}
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: %s
                    capabilities: {drop: [ALL]}
            """;

    private static String pod(String name, String annotations, boolean readOnly) {
        return POD.formatted(name, annotations.isEmpty() ? "    {}" : annotations, readOnly);
    }

    private static JsonNode findings(ScanRunner r) {
        return JSON.readTree(r.out()).get("findings");
    }

    private static List<String> statuses(JsonNode findings, String rule) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : findings) {
            if (f.get("ruleId").asString().equals(rule)) {
                out.add(f.get("status").asString());
            }
        }
        return out;
    }

    @Test
    void aPerContainerExemptionFileSkipsOnlyThatContainer(@TempDir Path tmp) throws Exception {
        Path ex = tmp.resolve("exemptions.yaml");
        Files.writeString(ex, """
                exemptions:
                  - rule: k8s.run-as-*
                    kind: Deployment
                    namespace: production
                    name: web
                    container: setup
                    reason: the init container chowns the data volume; SEC-1
                    expires: 2999-12-31
                """);

        ScanRunner r = ScanRunner.run("--format", "json", "--exemptions", ex.toString(), ScanRunner.SAMPLES);

        assertThat(r.exit()).isEqualTo(PolicyScan.FAILED);
        List<JsonNode> skipped = new ArrayList<>();
        for (JsonNode f : findings(r)) {
            if (f.has("exemption")) {
                skipped.add(f);
            }
        }
        assertThat(skipped).extracting(f -> f.get("ruleId").asString())
                .containsExactlyInAnyOrder(K8sHardening.RUN_AS_NON_ROOT, K8sHardening.RUN_AS_USER_NOT_ROOT);
        assertThat(skipped).allSatisfy(f -> {
            assertThat(f.get("status").asString()).isEqualTo("SKIP");
            assertThat(f.get("path").asString()).startsWith("spec.template.spec.initContainers[0]");
            assertThat(f.get("exemption").asString()).contains("SEC-1").contains(ex + ":2").contains("until 2999-12-31");
        });
        // the CronJob's container still fails the same rule
        assertThat(statuses(findings(r), K8sHardening.RUN_AS_NON_ROOT)).contains("FAIL");
    }

    @Test
    void expiredAndUnusedExemptionsAreReported(@TempDir Path tmp) throws Exception {
        Path ex = tmp.resolve("exemptions.yaml");
        Files.writeString(ex, """
                exemptions:
                  - rule: k8s.no-privileged
                    name: web
                    reason: old ticket
                    expires: 2020-01-01
                  - rule: k8s.no-such-rule
                    reason: stale
                """);

        ScanRunner r = ScanRunner.run("--format", "json", "--exemptions", ex.toString(), ScanRunner.SAMPLES);

        JsonNode f = findings(r);
        assertThat(statuses(f, K8sHardening.NOT_PRIVILEGED)).containsExactly("FAIL");
        assertThat(statuses(f, "policydsl.exemption.expired")).containsExactly("WARN");
        assertThat(statuses(f, "policydsl.exemption.unused")).containsExactly("WARN");
    }

    @Test
    void annotationsExemptUnlessTurnedOff(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("m"));
        Files.writeString(dir.resolve("pod.yaml"), pod("writable", """
                    policydsl.io/exempt: k8s.read-only-root-filesystem
                    policydsl.io/exempt-reason: writes to /tmp; SEC-7
                """, false));

        ScanRunner on = ScanRunner.run("--pack", "k8s-hardening", "--format", "json", dir.toString());
        assertThat(on.exit()).as(on.out()).isEqualTo(PolicyScan.OK);
        assertThat(findings(on)).singleElement().satisfies(f -> {
            assertThat(f.get("status").asString()).isEqualTo("SKIP");
            assertThat(f.get("exemption").asString()).startsWith("writes to /tmp; SEC-7 (annotation");
        });

        ScanRunner off = ScanRunner.run("--pack", "k8s-hardening", "--format", "json", "--no-annotation-exemptions", dir.toString());
        assertThat(off.exit()).isEqualTo(PolicyScan.FAILED);
        assertThat(statuses(findings(off), K8sHardening.READ_ONLY_ROOT_FS)).containsExactly("FAIL");

        Path ex = tmp.resolve("ex.yaml");
        Files.writeString(ex, "annotations: false\nexemptions: []\n");
        assertThat(ScanRunner.run("--pack", "k8s-hardening", "--exemptions", ex.toString(), dir.toString()).exit()).isEqualTo(PolicyScan.FAILED);
    }

    @Test
    void baselineRatchetNewViolationFailsFixedOneDisappears(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("m"));
        Path baseline = tmp.resolve("policy-baseline.json");
        Files.writeString(dir.resolve("a.yaml"), pod("a", "", false));

        ScanRunner missing = ScanRunner.run("--pack", "k8s-hardening", "--baseline", baseline.toString(), dir.toString());
        assertThat(missing.exit()).isEqualTo(PolicyScan.ERROR);
        assertThat(missing.err()).contains("no baseline at").contains("--update-baseline");

        ScanRunner created = ScanRunner.run("--pack", "k8s-hardening", "--baseline", baseline.toString(), "--update-baseline", dir.toString());
        assertThat(created.exit()).as(created.err()).isEqualTo(PolicyScan.OK);
        String recorded = Files.readString(baseline);
        assertThat(recorded).contains(K8sHardening.READ_ONLY_ROOT_FS).contains("\"container\" : \"app\"")
                .contains("\"path\" : \"securityContext.readOnlyRootFilesystem\"");

        assertThat(ScanRunner.run("--pack", "k8s-hardening", "--baseline", baseline.toString(), dir.toString()).exit()).isEqualTo(PolicyScan.OK);

        // a new violation (a second pod) fails
        Files.writeString(dir.resolve("b.yaml"), pod("b", "", false));
        ScanRunner fresh = ScanRunner.run("--pack", "k8s-hardening", "--format", "json", "--baseline", baseline.toString(), dir.toString());
        assertThat(fresh.exit()).isEqualTo(PolicyScan.FAILED);
        assertThat(findings(fresh)).filteredOn(f -> f.get("status").asString().equals("FAIL"))
                .singleElement().satisfies(f -> assertThat(f.get("resource").get("name").asString()).isEqualTo("b"));
        assertThat(Files.readString(baseline)).isEqualTo(recorded);

        // fixing a: its entry is removed, so it cannot come back
        Files.delete(dir.resolve("b.yaml"));
        Files.writeString(dir.resolve("a.yaml"), pod("a", "", true));
        ScanRunner fixed = ScanRunner.run("--pack", "k8s-hardening", "--baseline", baseline.toString(), "--baseline-read-only", dir.toString());
        assertThat(fixed.exit()).isEqualTo(PolicyScan.OK);
        assertThat(Files.readString(baseline)).isEqualTo(recorded);
        assertThat(ScanRunner.run("--pack", "k8s-hardening", "--baseline", baseline.toString(), dir.toString()).err()).contains("1 fixed");
        assertThat(Files.readString(baseline)).doesNotContain(K8sHardening.READ_ONLY_ROOT_FS);
        Files.writeString(dir.resolve("a.yaml"), pod("a", "", false));
        assertThat(ScanRunner.run("--pack", "k8s-hardening", "--baseline", baseline.toString(), dir.toString()).exit()).isEqualTo(PolicyScan.FAILED);
    }

    @Test
    void malformedGovernanceFilesAreUsageErrorsNamingFileAndLine(@TempDir Path tmp) throws Exception {
        Path ex = tmp.resolve("ex.yaml");
        Files.writeString(ex, "exemptions:\n  - rule: a\n    reason: ok\n  - rule: b\n    expires: soon\n    reason: x\n");
        ScanRunner r = ScanRunner.run("--exemptions", ex.toString(), ScanRunner.SAMPLES);
        assertThat(r.exit()).isEqualTo(PolicyScan.ERROR);
        assertThat(r.err()).contains(ex + ":4: 'expires' must be a date");

        Path b = tmp.resolve("b.json");
        Files.writeString(b, "{\"baselineVersion\": 1, \"violations\": [\n {\"rule\": \"x\"}\n]}\n");
        ScanRunner rb = ScanRunner.run("--baseline", b.toString(), ScanRunner.SAMPLES);
        assertThat(rb.exit()).isEqualTo(PolicyScan.ERROR);
        assertThat(rb.err()).contains(b + ":2: missing 'kind'");
    }

    @Test
    void ruleSelectionAndPinnedPackReleases() {
        JsonNode only = findings(ScanRunner.run("--format", "json", "--include-rule", "k8s.image-*",
                "--exclude-rule", "k8s.image-digest", ScanRunner.SAMPLES));
        Set<String> ids = new java.util.TreeSet<>();
        only.forEach(f -> ids.add(f.get("ruleId").asString()));
        assertThat(ids).containsExactly(K8sHardening.IMAGE_NO_LATEST);

        ScanRunner pinned = ScanRunner.run("--list-rules", "--pack", "k8s-hardening@1.0.0");
        assertThat(pinned.exit()).isEqualTo(PolicyScan.OK);
        assertThat(pinned.out().lines().count()).isEqualTo(13);

        ScanRunner unknown = ScanRunner.run("--pack", "k8s-hardening@0.9.0", ScanRunner.SAMPLES);
        assertThat(unknown.exit()).isEqualTo(PolicyScan.ERROR);
        assertThat(unknown.err()).contains("no release '0.9.0'").contains("known: 1.0.0");
    }

    @Test
    void theNewestPinnedReleaseListsEveryCurrentRule() {
        List<String> versions = PackReleases.versions(K8sHardening.NAME);
        Set<String> newest = PackReleases.ruleIds(K8sHardening.NAME, versions.get(versions.size() - 1)).orElseThrow();
        assertThat(newest).isEqualTo(K8sHardening.policy().rules().stream().map(r -> r.id()).collect(Collectors.toSet()));
        assertThat(versions).contains(K8sHardening.VERSION);
    }

    @Test
    void junitAndPolicyReportFormats() throws Exception {
        ScanRunner junit = ScanRunner.run("--format", "junit", ScanRunner.SAMPLES);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("testsuites");
        assertThat(Integer.parseInt(doc.getDocumentElement().getAttribute("failures"))).isGreaterThan(0);
        assertThat(doc.getElementsByTagName("testcase").getLength())
                .isEqualTo(Integer.parseInt(doc.getDocumentElement().getAttribute("tests")));

        ScanRunner pr = ScanRunner.run("--format", "policyreport", ScanRunner.SAMPLES);
        List<JsonNode> docs = new ArrayList<>();
        YAMLMapper yaml = YAMLMapper.builder().build();
        try (var it = yaml.readerFor(JsonNode.class).readValues(pr.out())) {
            while (it.hasNext()) {
                docs.add((JsonNode) it.next());
            }
        }
        assertThat(docs).extracting(d -> d.get("kind").asString() + " " + d.at("/metadata/name").asString())
                .contains("PolicyReport policy-dsl-production");
        JsonNode prod = docs.stream().filter(d -> "production".equals(d.at("/metadata/namespace").asString()))
                .findFirst().orElseThrow();
        assertThat(prod.get("apiVersion").asString()).isEqualTo("wgpolicyk8s.io/v1alpha2");
        assertThat(prod.at("/summary/fail").asInt()).isGreaterThan(0);
        JsonNode first = prod.get("results").get(0);
        assertThat(first.get("result").asString()).isIn("pass", "fail", "warn", "error", "skip");
        assertThat(first.get("severity").asString()).isIn("critical", "high", "medium", "low", "info");
        assertThat(first.get("category").asString()).isEqualTo("k8s");
        assertThat(first.at("/resources/0/namespace").asString()).isEqualTo("production");
    }
}
