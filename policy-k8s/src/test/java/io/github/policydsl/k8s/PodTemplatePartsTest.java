package io.github.policydsl.k8s;

import io.github.policydsl.api.SubjectSource;
import io.github.policydsl.k8s.load.LoadedResource;
import io.github.policydsl.k8s.load.ManifestLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pod templates found range by range (as a parallel evaluation's tasks find them) are those of
 * {@link PodTemplate#all}, in the same order, however the objects are split.
 */
class PodTemplatePartsTest {

    private static final String POD_SPEC = "containers: [{name: app, image: 'nginx:1.27'}]";

    private static String doc(String apiVersion, String kind, String name, String body) {
        return "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: " + name + "}\n" + body + "\n---\n";
    }

    private static String template(String indent) {
        return indent + "template:\n" + indent + "  spec: {" + POD_SPEC + "}";
    }

    @Test
    void rangesOfObjectsGiveTheTemplatesOfAllInOrder() {
        String yaml = doc("v1", "ConfigMap", "cm", "data: {a: b}")
                + doc("v1", "Pod", "pod", "spec: {" + POD_SPEC + "}")
                + doc("apps/v1", "Deployment", "deploy", "spec:\n" + template("  "))
                + doc("v1", "ServiceAccount", "sa", "automountServiceAccountToken: false")
                + doc("apps/v1", "StatefulSet", "sts", "spec:\n  serviceName: s\n" + template("  "))
                + doc("apps/v1", "DaemonSet", "ds", "spec:\n" + template("  "))
                + doc("batch/v1", "Job", "job", "spec:\n" + template("  "))
                + doc("batch/v1", "CronJob", "cron", "spec:\n  schedule: '* * * * *'\n  jobTemplate:\n    spec:\n"
                        + template("      "))
                + doc("v1", "PodTemplate", "pt", template(""))
                + doc("extensions/v1beta1", "Deployment", "legacy", "spec:\n" + template("  "))
                + doc("apps/v1", "Deployment", "no-template", "spec: {replicas: 1}");
        Manifests m = ManifestLoader.defaults().loadString("all.yaml", yaml);
        List<String> expected = PodTemplate.all(m).stream().map(PodTemplate::toString).toList();
        assertThat(expected).hasSize(8);

        SubjectSource.Parts<? super Manifests, ? extends io.github.policydsl.api.Subject> parts =
                K8sRules.pods().must().runAsNonRoot().source().parts().orElseThrow();
        int n = parts.count(m);
        // the parts are the objects that can carry a template: all but the ConfigMap and the ServiceAccount
        assertThat(n).isEqualTo(m.resources().size() - 2);
        Random random = new Random(4);
        for (int round = 0; round < 200; round++) {
            List<String> found = new ArrayList<>();
            for (int from = 0; from < n; ) {
                int to = Math.min(n, from + 1 + random.nextInt(4));
                for (io.github.policydsl.api.Subject s : parts.subjects(m, from, to)) {
                    found.add(s.toString());
                }
                from = to;
            }
            assertThat(found).isEqualTo(expected);
        }
        assertThat(parts.subjects(m, 3, 3)).isEmpty();
    }

    @Test
    void containersOfEverySlotInOrderWithNullItemsSkippedAndIndexesKept() {
        Manifests m = ManifestLoader.defaults().loadString("pod.yaml", doc("v1", "Pod", "p",
                "spec:\n  initContainers: [~, {name: i, image: busybox}]\n"
                + "  containers: [{name: a, image: x}, null, {name: b, image: y}]\n"
                + "  ephemeralContainers: [{name: e, image: z}]"));
        List<ContainerRef> all = PodTemplate.all(m).get(0).containers();
        assertThat(all).extracting(ContainerRef::name).containsExactly("i", "a", "b", "e");
        assertThat(all).extracting(ContainerRef::slot).containsExactly(ContainerSlot.INIT, ContainerSlot.CONTAINER,
                ContainerSlot.CONTAINER, ContainerSlot.EPHEMERAL);
        assertThat(all).extracting(c -> c.path().toString()).containsExactly("spec.initContainers[1]",
                "spec.containers[0]", "spec.containers[2]", "spec.ephemeralContainers[0]");
        assertThat(PodTemplate.all(ManifestLoader.defaults().loadString("empty.yaml",
                doc("v1", "Pod", "q", "spec: {containers: []}"))).get(0).containers()).isEmpty();
    }

    /** The templates of every object, found by trying each one (what the carrier index must not change). */
    private static List<LoadedResource> everyTemplateOwner(Manifests m, int from, int to) {
        List<LoadedResource> owners = new ArrayList<>();
        for (LoadedResource r : m.resources().subList(from, to)) {
            if (PodTemplate.of(r, m) != null) {
                owners.add(r);
            }
        }
        return owners;
    }

    private static List<LoadedResource> owners(List<PodTemplate> templates) {
        return templates.stream().map(PodTemplate::owner).toList();
    }

    @Test
    void theIndexOfTemplateCarriersFindsTheTemplatesOfEveryObjectAfterMergesAndRanges() {
        List<String> docs = List.of(
                doc("v1", "ConfigMap", "cm", "data: {a: b}"),
                doc("v1", "Pod", "pod", "spec: {" + POD_SPEC + "}"),
                doc("v1", "Pod", "pod-no-spec", "status: {phase: Running}"),
                doc("apps/v1", "Deployment", "deploy", "spec:\n" + template("  ")),
                doc("v1", "ServiceAccount", "sa", "automountServiceAccountToken: false"),
                doc("v1", "Namespace", "ns", "metadata: {labels: {a: b}}".replace("metadata: ", "spec: ")),
                doc("v1", "Service", "svc", "spec: {ports: [{port: 80}]}"),
                doc("apps/v1", "StatefulSet", "sts", "spec:\n  serviceName: s\n" + template("  ")),
                doc("apps/v1", "DaemonSet", "ds", "spec:\n" + template("  ")),
                doc("apps/v1", "ReplicaSet", "rs", "spec:\n" + template("  ")),
                doc("v1", "ReplicationController", "rc", "spec:\n" + template("  ")),
                doc("batch/v1", "Job", "job", "spec:\n" + template("  ")),
                doc("batch/v1", "CronJob", "cron", "spec:\n  schedule: '* * * * *'\n  jobTemplate:\n    spec:\n"
                        + template("      ")),
                doc("batch/v1beta1", "CronJob", "cron-beta", "spec:\n  schedule: '* * * * *'\n  jobTemplate:\n"
                        + "    spec:\n" + template("      ")),
                doc("batch/v1", "CronJob", "cron-no-job", "spec: {schedule: '* * * * *'}"),
                doc("v1", "PodTemplate", "pt", template("")),
                doc("extensions/v1beta1", "Deployment", "legacy", "spec:\n" + template("  ")),
                doc("apps/v1beta2", "DaemonSet", "legacy-ds", "spec:\n" + template("  ")),
                doc("example.com/v1", "Widget", "custom", "spec: {template: {spec: {" + POD_SPEC + "}}}"),
                doc("apps/v1", "Deployment", "no-template", "spec: {replicas: 1}"));
        ManifestLoader loader = ManifestLoader.defaults();
        Random random = new Random(8);
        int found = 0;
        for (int round = 0; round < 40; round++) {
            List<Manifests> files = new ArrayList<>();
            for (int f = 0; f < 1 + random.nextInt(5); f++) {
                StringBuilder yaml = new StringBuilder();
                for (int d = 0; d < random.nextInt(8); d++) {
                    yaml.append(docs.get(random.nextInt(docs.size())));
                }
                files.add(loader.loadString("f" + f + ".yaml", yaml.toString()));
            }
            Manifests merged = Manifests.merge(files);
            List<Manifests> views = new ArrayList<>(files);
            views.add(merged);
            views.add(Manifests.merge(List.of(merged)));
            views.add(Manifests.merge(List.of(merged, files.get(0))));
            views.add(Manifests.of(merged.resources(), List.of(), merged.inputs()));
            views.add(files.get(0).withLookupsFrom(merged));
            assertThat(merged.isClean()).as("round %d loads cleanly", round).isTrue();
            found += PodTemplate.all(merged).size();
            for (Manifests m : views) {
                int n = m.resources().size();
                assertThat(owners(PodTemplate.all(m))).as("round %d", round).isEqualTo(everyTemplateOwner(m, 0, n));
                int from = random.nextInt(n + 1);
                int to = from + random.nextInt(n - from + 1);
                assertThat(owners(PodTemplate.of(m, from, to))).as("round %d, objects %d to %d", round, from, to)
                        .isEqualTo(everyTemplateOwner(m, from, to));
                // the parallel parts: consecutive ranges of template carriers give all templates in order
                int carriers = m.podCarriers().length;
                List<LoadedResource> byParts = new ArrayList<>();
                for (int at = 0; at < carriers; ) {
                    int next = Math.min(carriers, at + 1 + random.nextInt(3));
                    byParts.addAll(owners(PodTemplate.ofCarriers(m, at, next)));
                    at = next;
                }
                assertThat(byParts).as("round %d by parts", round).isEqualTo(everyTemplateOwner(m, 0, n));
            }
        }
        assertThat(found).as("templates found in all rounds").isGreaterThan(100);
    }
}
