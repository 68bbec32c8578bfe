package io.github.policydsl.k8s.load;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.LoadError;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.k8s.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestLoaderTest {

    private final ManifestLoader loader = ManifestLoader.defaults();

    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: prod
            spec:
              hostNetwork: yes
              containers:
                - name: app
                  image: nginx:1.27
                  securityContext:
                    runAsNonRoot: true
                - name: sidecar
                  image: busybox
              volumes:
                - name: cfg
                  configMap:
                    name: cfg
                    defaultMode: 0400
            """;

    @Test
    void loadsTypedObjectsWithYaml11Values() {
        Manifests m = loader.loadString("pod.yaml", POD);
        assertThat(m.errors()).isEmpty();
        assertThat(m.resources()).hasSize(1);
        Pod pod = (Pod) m.resources().get(0).object();
        assertThat(pod.getSpec().getHostNetwork()).isTrue();
        assertThat(pod.getSpec().getVolumes().get(0).getConfigMap().getDefaultMode()).isEqualTo(256);
        assertThat(m.inputs()).singleElement().satisfies(i -> assertThat(i.objects()).isEqualTo(1));
    }

    @Test
    void yaml11BooleansAndNumbers() {
        for (String yes : new String[] {"yes", "Yes", "YES", "on", "On", "ON", "y", "Y", "true", "True"}) {
            Manifests m = loader.loadString("p.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: "
                    + yes + "\n  containers: []\n");
            assertThat(m.errors()).as(yes).isEmpty();
            assertThat(((Pod) m.resources().get(0).object()).getSpec().getHostPID()).as(yes).isTrue();
        }
        for (String no : new String[] {"no", "No", "NO", "off", "Off", "OFF", "n", "N", "false"}) {
            Manifests m = loader.loadString("p.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: "
                    + no + "\n  containers: []\n");
            assertThat(((Pod) m.resources().get(0).object()).getSpec().getHostPID()).as(no).isFalse();
        }
        Manifests hex = loader.loadString("p.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
                + "  terminationGracePeriodSeconds: 0x1F\n  priority: 1_000\n  containers: []\n");
        Pod p = (Pod) hex.resources().get(0).object();
        assertThat(p.getSpec().getTerminationGracePeriodSeconds()).isEqualTo(31L);
        assertThat(p.getSpec().getPriority()).isEqualTo(1000);
    }

    @Test
    void quotedScalarsStayStrings() {
        Manifests m = loader.loadString("p.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n"
                + "    enabled: \"yes\"\n    mode: '0644'\nspec:\n  containers: []\n");
        assertThat(m.errors()).isEmpty();
        Pod p = (Pod) m.resources().get(0).object();
        assertThat(p.getMetadata().getLabels()).containsEntry("enabled", "yes").containsEntry("mode", "0644");
    }

    @Test
    void sourcePositionsOfFieldsAndListItems() {
        Manifests m = loader.loadString("pod.yaml", POD);
        LoadedResource r = m.resources().get(0);
        assertThat(r.locate(FieldPath.parse("spec.hostNetwork"))).isEqualTo(new Location("pod.yaml", 7, 3));
        assertThat(r.locate(FieldPath.parse("spec.containers[1]"))).isEqualTo(new Location("pod.yaml", 13, 7));
        assertThat(r.locate(FieldPath.parse("spec.containers[0].securityContext.runAsNonRoot")))
                .isEqualTo(new Location("pod.yaml", 12, 9));
        // absent field: nearest existing ancestor, the container item
        assertThat(r.locate(FieldPath.parse("spec.containers[1].securityContext.runAsNonRoot")))
                .isEqualTo(new Location("pod.yaml", 13, 7));
        assertThat(r.locate(FieldPath.parse("spec.volumes[0].configMap.defaultMode")))
                .isEqualTo(new Location("pod.yaml", 19, 9));
    }

    @Test
    void positionsInMultiDocumentFilesFlowStyleAndComments() {
        String text = """
                # a comment
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: sa, namespace: prod}
                ---
                # second
                apiVersion: v1
                kind: Pod
                metadata: {name: p,
                  namespace: prod}
                spec: {containers: [{name: a, image: x}, # inline comment
                   {name: b, image: y, securityContext: {privileged: true}}]}
                """;
        Manifests m = loader.loadString("multi.yaml", text);
        assertThat(m.errors()).isEmpty();
        assertThat(m.resources()).hasSize(2);
        LoadedResource pod = m.resources().get(1);
        assertThat(pod.document()).isEqualTo(1);
        assertThat(pod.locate(FieldPath.parse("kind")).line()).isEqualTo(8);
        assertThat(pod.locate(FieldPath.parse("metadata.namespace")).line()).isEqualTo(10);
        assertThat(pod.locate(FieldPath.parse("spec.containers[1].securityContext.privileged")))
                .isEqualTo(new Location("multi.yaml", 12, 42));
        assertThat(pod.locate(FieldPath.parse("spec.containers[1].image")).line()).isEqualTo(12);
    }

    @Test
    void anchorsAliasesAndMergeKeys() {
        String text = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext: &sc
                    runAsNonRoot: true
                  containers:
                    - name: a
                      image: x
                      securityContext:
                        <<: *sc
                        runAsUser: 1000
                    - name: b
                      image: y
                      securityContext: *sc
                """;
        Manifests m = loader.loadString("anchors.yaml", text);
        assertThat(m.errors()).isEmpty();
        Pod p = (Pod) m.resources().get(0).object();
        assertThat(p.getSpec().getContainers().get(0).getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(p.getSpec().getContainers().get(0).getSecurityContext().getRunAsUser()).isEqualTo(1000L);
        assertThat(p.getSpec().getContainers().get(1).getSecurityContext().getRunAsNonRoot()).isTrue();
        LoadedResource r = m.resources().get(0);
        assertThat(r.locate(FieldPath.parse("spec.containers[1].securityContext.runAsNonRoot")).line()).isEqualTo(15);
        assertThat(r.locate(FieldPath.parse("spec.containers[0].securityContext.runAsUser")).line()).isEqualTo(12);
    }

    @Test
    void listKindIsFlattenedWithPositions() {
        String text = """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Secret
                    metadata: {name: s}
                  - apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: d}
                    spec:
                      selector: {}
                      template:
                        spec:
                          containers: [{name: c, image: i}]
                """;
        Manifests m = loader.loadString("list.yaml", text);
        assertThat(m.errors()).isEmpty();
        assertThat(m.resources()).extracting(r -> (Object) r.object().getClass()).containsExactly(Secret.class, Deployment.class);
        LoadedResource d = m.resources().get(1);
        assertThat(d.base()).isEqualTo(FieldPath.parse("items[1]"));
        assertThat(d.locate(FieldPath.parse("spec.template.spec.containers[0].image")).line()).isEqualTo(14);
        assertThat(d.locate(FieldPath.parse("metadata.name")).line()).isEqualTo(9);
    }

    @Test
    void jsonInput() {
        String json = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"j\"},\n"
                + "  \"spec\": {\"containers\": [{\"name\": \"c\", \"image\": \"i\"}]}\n}\n";
        Manifests m = loader.loadString("pod.json", json);
        assertThat(m.errors()).isEmpty();
        assertThat(m.resources().get(0).locate(FieldPath.parse("spec.containers[0].image")).line()).isEqualTo(5);
    }

    @Test
    void unknownKindsLoadAsGenericObjects() {
        Manifests m = loader.loadString("crd.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n"
                + "spec: {size: 3}\n");
        assertThat(m.errors()).isEmpty();
        assertThat(m.resources().get(0).object()).isInstanceOf(GenericKubernetesResource.class);
    }

    @Test
    void malformedYamlIsAnErrorWithLine() {
        Manifests m = loader.loadString("bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n");
        assertThat(m.resources()).isEmpty();
        assertThat(m.errors()).singleElement().satisfies(e -> {
            assertThat(e.location().file()).isEqualTo("bad.yaml");
            assertThat(e.location().line()).isGreaterThanOrEqualTo(4);
            assertThat(e.message()).startsWith("invalid YAML");
        });
    }

    @Test
    void documentsBeforeASyntaxErrorAreKept() {
        Manifests m = loader.loadString("two.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n"
                + "apiVersion: v1\nkind: Pod\nmetadata: {name: b\n");
        assertThat(m.resources()).hasSize(1);
        assertThat(m.errors()).hasSize(1);
        assertThat(m.errors().get(0).location().line()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void missingApiVersionOrKindIsAnError() {
        Manifests m = loader.loadString("nokind.yaml", "apiVersion: v1\nmetadata: {name: x}\n---\nkind: Pod\n"
                + "metadata: {name: y}\n");
        assertThat(m.resources()).isEmpty();
        assertThat(m.errors()).hasSize(2);
        assertThat(m.errors().get(0).message()).contains("has no kind");
        assertThat(m.errors().get(0).location().line()).isEqualTo(1);
        assertThat(m.errors().get(1).message()).contains("has no apiVersion");
        assertThat(m.errors().get(1).location().line()).isEqualTo(4);
    }

    @Test
    void wrongTypeIsAnErrorAtTheField() {
        String text = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: prod}
                spec:
                  containers:
                    - name: a
                      image: x
                      securityContext:
                        runAsNonRoot: "maybe"
                """;
        Manifests m = loader.loadString("typed.yaml", text);
        assertThat(m.resources()).isEmpty();
        LoadError e = m.errors().get(0);
        assertThat(e.location()).isEqualTo(new Location("typed.yaml", 9, 9));
        assertThat(e.message()).contains("spec.containers[0].securityContext.runAsNonRoot");
        assertThat(e.subject().name()).isEqualTo("p");
        assertThat(m.loadErrors()).singleElement().satisfies(r -> assertThat(r.outcome().name()).isEqualTo("ERROR"));
    }

    @Test
    void quotedBooleanIsAlsoAWrongType() {
        Manifests m = loader.loadString("q.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
                + "  hostNetwork: \"true\"\n  containers: []\n");
        assertThat(m.errors()).singleElement().satisfies(e -> assertThat(e.location().line()).isEqualTo(5));
    }

    @Test
    void duplicateKeysAreErrors() {
        Manifests m = loader.loadString("dup.yaml", "apiVersion: v1\nkind: Pod\nkind: Service\nmetadata: {name: p}\n");
        assertThat(m.errors()).singleElement().satisfies(e -> {
            assertThat(e.message()).contains("duplicate key \"kind\"");
            assertThat(e.location().line()).isEqualTo(3);
        });
    }

    @Test
    void billionLaughsIsStoppedByTheExpansionLimit() {
        StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\nx0: &a0 [lol, lol]\n");
        for (int i = 1; i < 40; i++) {
            sb.append("x").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append("]\n");
        }
        Manifests m = loader.loadString("bomb.yaml", sb.toString());
        assertThat(m.resources()).isEmpty();
        assertThat(m.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("expands to more than"));
    }

    @Test
    void aliasCountLimit() {
        ManifestLoader strict = loader.withLimits(LoaderLimits.defaults().withAliasLimits(3, 1_000));
        Manifests m = strict.loadString("al.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"
                + "data: {a: &x v, b: *x, c: *x, d: *x, e: *x}\n");
        assertThat(m.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("more than 3 aliases"));
    }

    @Test
    void recursiveAliasIsAnError() {
        Manifests m = loader.loadString("rec.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"
                + "data: &d {a: *d}\n");
        assertThat(m.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("undefined or enclosing"));
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nx: " + "[".repeat(100_000) + "]".repeat(100_000);
        Manifests m = loader.loadString("deep.yaml", deep);
        assertThat(m.resources()).isEmpty();
        assertThat(m.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("nesting deeper"));
    }

    @Test
    void documentSizeLimit() {
        ManifestLoader small = loader.withLimits(LoaderLimits.defaults().withMaxDocumentCodePoints(100));
        Manifests m = small.loadString("big.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: \""
                + "a".repeat(500) + "\"}\n");
        assertThat(m.resources()).isEmpty();
        assertThat(m.errors()).hasSize(1);
    }

    @Test
    void filesDirectoriesAndUnreadableInput(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/pod.yaml"), POD);
        Files.writeString(dir.resolve("readme.txt"), "not a manifest");
        Files.write(dir.resolve("bad.yml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        Manifests m = loader.load(dir, dir.resolve("missing.yaml"));
        assertThat(m.resources()).hasSize(1);
        assertThat(m.resources().get(0).file()).isEqualTo(dir.resolve("sub/pod.yaml").toString());
        assertThat(m.errors()).extracting(LoadError::message)
                .anySatisfy(msg -> assertThat(msg).contains("not valid UTF-8"))
                .anySatisfy(msg -> assertThat(msg).contains("cannot read file"));
        Manifests fromStream = loader.load("stdin", new java.io.ByteArrayInputStream(POD.getBytes(StandardCharsets.UTF_8)));
        assertThat(fromStream.resources()).hasSize(1);
    }

    @Test
    void byteOrderMarkAndEmptyDocuments() {
        Manifests m = loader.loadString("bom.yaml", "\uFEFF---\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n");
        assertThat(m.errors()).isEmpty();
        assertThat(m.resources()).hasSize(1);
    }
}
