package io.github.policydsl.examples.scan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --streaming} reports the same findings as a batch scan of the same per-object packs. */
class StreamingScanTest {

    private static String findings(String json) {
        int start = json.indexOf("\"findings\"");
        int end = json.indexOf("\"summary\"");
        return json.substring(start, end);
    }

    @Test
    void streamingFindingsEqualBatchFindings() {
        String[] packs = {"--pack", "k8s-hardening", "--pack", "secrets", "--pack", "pss-restricted"};
        ScanRunner batch = ScanRunner.run(concat(packs, "--format", "json", ScanRunner.SAMPLES));
        ScanRunner streamed = ScanRunner.run(concat(packs, "--streaming", "--format", "json", ScanRunner.SAMPLES));
        assertThat(streamed.exit()).isEqualTo(batch.exit()).isEqualTo(PolicyScan.FAILED);
        assertThat(findings(streamed.out())).isEqualTo(findings(batch.out())).contains("k8s.run-as-non-root");
    }

    @Test
    void packsThatRelateObjectsAreRefusedWithStreaming() {
        ScanRunner r = ScanRunner.run("--streaming", "--pack", "rbac", ScanRunner.SAMPLES);
        assertThat(r.exit()).isEqualTo(PolicyScan.ERROR);
        assertThat(r.err()).contains("cannot run with --streaming");
    }

    @Test
    void withoutPacksStreamingRunsThePerObjectDefaults() {
        ScanRunner r = ScanRunner.run("--streaming", "--format", "json", ScanRunner.SAMPLES);
        assertThat(r.err()).contains("--streaming runs only the per-object packs");
        assertThat(r.out()).contains("k8s.run-as-non-root").doesNotContain("k8s.rbac.");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
