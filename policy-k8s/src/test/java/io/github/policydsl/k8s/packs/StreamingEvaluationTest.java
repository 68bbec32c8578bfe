package io.github.policydsl.k8s.packs;

import io.github.policydsl.api.Policy;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.StreamingEvaluation;
import io.github.policydsl.k8s.load.ManifestLoader;
import io.github.policydsl.k8s.pss.PodSecurityStandards;
import io.github.policydsl.k8s.secrets.SecretsPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Streaming (file by file) evaluation of the per-object packs gives the batch evaluation's results. */
class StreamingEvaluationTest {

    private static final List<Policy<Manifests>> PER_OBJECT = List.of(K8sHardening.policy(),
            PodSecurityStandards.baseline(), PodSecurityStandards.restricted(), SecretsPack.policy());

    @Test
    void streamingEqualsBatchOnTheSamples() {
        assertSameResults(List.of(Path.of("..", "samples", "k8s")));
    }

    @Test
    void lookupsReachServiceAccountsAndNamespacesInOtherFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a-deploy.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      serviceAccountName: web
                      containers:
                      - name: app
                        image: nginx:1.27
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: other, namespace: shop}
                spec:
                  serviceAccountName: chatty
                  containers: [{name: c, image: busybox}]
                """);
        Files.writeString(dir.resolve("b-accounts.yaml"), """
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: web, namespace: shop}
                automountServiceAccountToken: false
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: chatty, namespace: shop}
                automountServiceAccountToken: true
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop, labels: {pod-security.kubernetes.io/enforce: restricted}}
                """);
        Report batch = assertSameResults(List.of(dir));
        assertThat(batch.results()).anySatisfy(r -> {
            assertThat(r.rule().id()).isEqualTo(K8sHardening.NO_SA_TOKEN);
            assertThat(r.subject().name()).isEqualTo("web");
            assertThat(r.outcome()).isEqualTo(Outcome.PASS);
        });
    }

    private static Report assertSameResults(List<Path> paths) {
        ManifestLoader loader = ManifestLoader.defaults();
        Manifests all = loader.load(paths);
        List<Report> batchParts = new ArrayList<>();
        for (Policy<Manifests> p : PER_OBJECT) {
            batchParts.add(p.evaluate(all));
        }
        Report batch = Report.merge(batchParts);
        List<Report> streamed = new ArrayList<>();
        StreamingEvaluation.forEachFile(loader, paths, PER_OBJECT, streamed::add);
        Report merged = Report.merge(streamed);
        assertThat(merged.results()).isNotEmpty().isEqualTo(batch.results());
        List<RuleResult> findings = batch.results().stream().filter(r -> r.outcome() != Outcome.PASS).toList();
        assertThat(StreamingEvaluation.findings(loader, paths, PER_OBJECT).results()).isEqualTo(findings);
        return batch;
    }
}
