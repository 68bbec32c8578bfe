package io.github.policydsl.examples.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The scanner's Pod Security packs: names, versions, usage errors and the admission simulation. */
class PssPacksTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
        JsonNode json() {
            return JSON.readTree(out);
        }
    }

    private static Run scan(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = PolicyScan.run(args, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not found");
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static final String PRIVILEGED_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: apps
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: app
                    image: nginx
                    securityContext:
                      privileged: true
            """;

    @Test
    void packNamesAreListedAndPssIsADefaultPack() {
        assertThat(Packs.names()).contains("pss-baseline", "pss-restricted", "pss");
        assertThat(Packs.defaults()).extracting(Pack::name).contains("pss").doesNotContain("pss-baseline",
                "pss-restricted");
        assertThat(Packs.resolve("pss-restricted").name()).isEqualTo("pss-restricted");
        assertThat(Packs.resolve("pss-baseline:v1.24").catalogue()).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo("k8s.pss.baseline"));
    }

    @Test
    void anInvalidVersionIsAUsageError() throws IOException {
        Path pod = write("d.yaml", PRIVILEGED_DEPLOYMENT);
        for (String spec : List.of("pss-restricted:v1.05", "pss-baseline:1.25", "pss-restricted:", "pss:v1.2")) {
            Run r = scan("--pack", spec, pod.toString());
            assertThat(r.code()).as(spec).isEqualTo(PolicyScan.ERROR);
            assertThat(r.err()).as(spec).contains(spec.substring(0, spec.indexOf(':')));
            assertThat(r.out()).as(spec).isEmpty();
        }
        assertThat(scan("--pack", "pss-restricted:v1.05", pod.toString()).err())
                .contains("invalid Pod Security version \"v1.05\"");
    }

    @Test
    void theVersionIsPassedThrough() throws IOException {
        // runAsUser=0 is only checked from v1.23
        Path pod = write("p.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext:
                    runAsNonRoot: true
                    runAsUser: 0
                    seccompProfile: {type: RuntimeDefault}
                  containers:
                  - name: app
                    image: nginx
                    securityContext:
                      allowPrivilegeEscalation: false
                      capabilities: {drop: [ALL]}
                """);
        assertThat(scan("--pack", "pss-restricted:v1.22", "--format", "json", pod.toString()).code()).isZero();
        Run latest = scan("--pack", "pss-restricted", "--format", "json", pod.toString());
        assertThat(latest.code()).isEqualTo(PolicyScan.FAILED);
        assertThat(latest.json().path("findings").get(0).path("message").asString())
                .startsWith("violates PodSecurity \"restricted:latest\": runAsUser: runAsUser=0");
    }

    @Test
    void pssPackSimulatesAdmissionOverTheBundle() throws IOException {
        Path bundle = write("bundle.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: apps
                  labels:
                    pod-security.kubernetes.io/enforce: baseline
                    pod-security.kubernetes.io/audit: restricted
                ---
                """ + PRIVILEGED_DEPLOYMENT);
        Run r = scan("--pack", "pss", "--format", "json", bundle.toString());
        assertThat(r.code()).isEqualTo(PolicyScan.FAILED);
        List<String> rules = new ArrayList<>();
        for (JsonNode f : r.json().path("findings")) {
            rules.add(f.path("ruleId").asString() + "=" + f.path("status").asString());
        }
        assertThat(rules).contains("k8s.pss.admission.enforce=FAIL", "k8s.pss.admission.audit=WARN",
                "k8s.pss.admission.warn=WARN").doesNotContain("k8s.pss.namespace-enforce-label=FAIL");
        JsonNode enforce = null;
        for (JsonNode f : r.json().path("findings")) {
            if (f.path("ruleId").asString().equals("k8s.pss.admission.enforce")) {
                enforce = f;
            }
        }
        assertThat(enforce).isNotNull();
        assertThat(enforce.path("path").asString()).isEqualTo("spec.template.spec.containers[0].securityContext.privileged");
        assertThat(enforce.path("line").asInt()).isEqualTo(lineOf(Files.readString(bundle), "privileged: true"));
        assertThat(enforce.path("resource").path("kind").asString()).isEqualTo("Deployment");
    }

    @Test
    void pssPackRequiresAnEnforceLabelOfAtLeastBaselineOnNamespaces() throws IOException {
        Path ns = write("ns.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: open
                """);
        Run r = scan("--pack", "pss", "--format", "json", ns.toString());
        assertThat(r.code()).isEqualTo(PolicyScan.FAILED);
        assertThat(r.json().path("findings").get(0).path("ruleId").asString())
                .isEqualTo("k8s.pss.namespace-enforce-label");
        assertThat(r.json().path("findings").get(0).path("path").asString())
                .isEqualTo("metadata.labels.pod-security.kubernetes.io/enforce");
    }

    @Test
    void theGoodSamplesPassEveryPssPack() {
        Path good = Path.of("../samples/k8s/good");
        assertThat(good).isDirectory();
        for (String pack : List.of("pss", "pss-restricted", "pss-baseline")) {
            Run r = scan("--pack", pack, "--format", "json", good.toString());
            assertThat(r.code()).as(pack + ": " + r.out()).isZero();
        }
    }

    @Test
    void ephemeralContainersAreScanned() throws IOException {
        Path pod = write("e.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: e}
                spec:
                  containers:
                  - name: app
                    image: nginx
                  ephemeralContainers:
                  - name: debug
                    image: busybox
                    securityContext:
                      privileged: true
                """);
        Run r = scan("--pack", "pss-baseline", "--format", "json", pod.toString());
        assertThat(r.code()).isEqualTo(PolicyScan.FAILED);
        JsonNode f = r.json().path("findings").get(0);
        assertThat(f.path("path").asString()).isEqualTo("spec.ephemeralContainers[0].securityContext.privileged");
        assertThat(f.path("line").asInt()).isEqualTo(lineOf(Files.readString(pod), "privileged: true"));
    }
}
