package io.github.policydsl.k8s.load;

import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.k8s.ContainerRef;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.PodTemplate;
import io.github.policydsl.k8s.packs.K8sHardening;
import io.github.policydsl.k8s.pss.PodSecurityStandards;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pod templates locate fields through anchors at the pod spec and at each container; every
 * location must equal the one found by walking from the document root.
 */
class AnchoredLocationTest {

    private static final String LIST = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: a, namespace: x}
              spec:
                template:
                  spec:
                    initContainers:
                    - name: init
                      image: busybox
                    containers:
                    - name: app
                      image: nginx
                      securityContext:
                        runAsNonRoot: true
                    - {name: side, image: envoy}
            - apiVersion: batch/v1
              kind: CronJob
              metadata: {name: c}
              spec:
                schedule: "* * * * *"
                jobTemplate:
                  spec:
                    template:
                      spec:
                        securityContext: {runAsUser: 0}
                        containers: [{name: job, image: "alpine:latest"}]
            - apiVersion: v1
              kind: Pod
              metadata: {name: p}
              spec:
                ephemeralContainers:
                - {name: debug, image: busybox}
                containers:
                - name: main
                  image: app
            """;

    private static List<FieldPath> candidates(PodTemplate t) {
        List<FieldPath> paths = new ArrayList<>();
        FieldPath spec = t.specPath();
        paths.add(FieldPath.root());
        paths.add(t.path());
        paths.add(spec);
        paths.add(FieldPath.parse("metadata.name"));
        paths.add(FieldPath.parse("spec"));
        paths.add(spec.child("securityContext", "runAsUser"));
        paths.add(spec.child("hostNetwork"));
        paths.add(spec.child("containers").index(7).child("image"));
        for (ContainerRef c : t.containers()) {
            paths.add(c.path());
            paths.add(c.field("image"));
            paths.add(c.field("securityContext", "runAsNonRoot"));
            paths.add(c.field("securityContext", "capabilities", "drop"));
            paths.add(c.field("resources", "limits", "cpu"));
            paths.add(c.field("name"));
        }
        return paths;
    }

    private static void assertSameLocations(Manifests m) {
        int checked = 0;
        List<PodTemplate> templates = PodTemplate.all(m);
        assertThat(templates).isNotEmpty();
        for (PodTemplate t : templates) {
            LoadedResource owner = t.owner();
            List<FieldPath> paths = candidates(t);
            for (Violation v : K8sHardening.policy().evaluate(m).violations()) {
                paths.add(v.path());
            }
            for (Violation v : PodSecurityStandards.restricted().evaluate(m).violations()) {
                paths.add(v.path());
            }
            for (FieldPath p : paths) {
                assertThat(t.locate(p)).as("%s %s", owner.ref().display(), p).isEqualTo(owner.locate(p));
                checked++;
            }
            assertThat(t.location()).isEqualTo(owner.locate(t.path()));
        }
        assertThat(checked).isGreaterThan(templates.size() * 10);
    }

    @Test
    void anchoredLocationsEqualWalksFromTheRootInListItems() {
        Manifests m = ManifestLoader.defaults().loadString("list.yaml", LIST);
        assertThat(m.isClean()).isTrue();
        assertSameLocations(m);
    }

    @Test
    void anchoredLocationsEqualWalksFromTheRootInTheSamples() {
        assertSameLocations(ManifestLoader.defaults().load(Path.of("..", "samples", "k8s")));
    }

    @Test
    void missingFieldsOfAContainerShareTheContainersLocation() {
        Manifests m = ManifestLoader.defaults().loadString("list.yaml", LIST);
        PodTemplate deployment = PodTemplate.all(m).get(0);
        ContainerRef side = deployment.containers().get(2); // {name: side, image: envoy}: no securityContext
        assertThat(side.name()).isEqualTo("side");
        FieldPath missing = side.field("securityContext", "runAsNonRoot");
        FieldPath alsoMissing = side.field("resources", "limits", "cpu");
        var first = deployment.locate(missing);
        assertThat(first).isEqualTo(deployment.owner().locate(side.path())).isEqualTo(deployment.locate(side.path()));
        assertThat(deployment.locate(alsoMissing)).isSameAs(first);
        assertThat(deployment.locate(missing)).isSameAs(first);
        // an existing field below the container has a location of its own
        assertThat(deployment.locate(side.field("image"))).isNotEqualTo(first)
                .isEqualTo(deployment.owner().locate(side.field("image")));
    }
}
