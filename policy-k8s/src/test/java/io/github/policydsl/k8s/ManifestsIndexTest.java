package io.github.policydsl.k8s;

import io.github.policydsl.k8s.load.LoadedResource;
import io.github.policydsl.k8s.load.ManifestLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ServiceAccount and Namespace lookups: built with each set of manifests and combined by merge,
 * they find what one walk over all objects in load order finds (the first object of a name wins).
 */
class ManifestsIndexTest {

    private static final ManifestLoader LOADER = ManifestLoader.defaults();

    private static String serviceAccount(String ns, String name, int mark) {
        return "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: " + name + (ns.isEmpty() ? "" : ", namespace: " + ns)
                + ", labels: {mark: m" + mark + "}}\n";
    }

    private static String namespace(String name, int mark) {
        return "apiVersion: v1\nkind: Namespace\nmetadata: {name: " + name + ", labels: {mark: m" + mark + "}}\n";
    }

    private static String mark(LoadedResource r) {
        return r.object().getMetadata().getLabels().get("mark");
    }

    @Test
    void mergedLookupsFindTheFirstObjectOfEachNameInLoadOrder() {
        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            List<Manifests> parts = new ArrayList<>();
            List<String[]> all = new ArrayList<>(); // kind, namespace, name, mark in load order
            int mark = 0;
            for (int file = 0; file < 1 + random.nextInt(6); file++) {
                StringBuilder yaml = new StringBuilder();
                for (int doc = 0; doc < random.nextInt(5); doc++) {
                    String name = "n" + random.nextInt(3);
                    if (random.nextBoolean()) {
                        String ns = random.nextInt(3) == 0 ? "" : "ns" + random.nextInt(2);
                        yaml.append(serviceAccount(ns, name, mark)).append("---\n");
                        all.add(new String[] {"sa", ns.isEmpty() ? "default" : ns, name, "m" + mark});
                    } else {
                        yaml.append(namespace(name, mark)).append("---\n");
                        all.add(new String[] {"ns", "", name, "m" + mark});
                    }
                    mark++;
                }
                parts.add(LOADER.loadString("f" + file + ".yaml", yaml.toString()));
            }
            Manifests merged = Manifests.merge(parts);
            Manifests again = Manifests.merge(List.of(merged));
            Manifests walked = Manifests.of(merged.resources(), List.of(), merged.inputs());
            for (String ns : List.of("default", "ns0", "ns1")) {
                for (int n = 0; n < 3; n++) {
                    String name = "n" + n;
                    String expected = all.stream().filter(d -> d[0].equals("sa") && d[1].equals(ns) && d[2].equals(name))
                            .map(d -> d[3]).findFirst().orElse(null);
                    for (Manifests m : List.of(merged, again, walked)) {
                        assertThat(m.serviceAccount(ns, name).map(ManifestsIndexTest::mark).orElse(null))
                                .as("ServiceAccount %s/%s", ns, name).isEqualTo(expected);
                    }
                }
            }
            for (int n = 0; n < 3; n++) {
                String name = "n" + n;
                String expected = all.stream().filter(d -> d[0].equals("ns") && d[2].equals(name)).map(d -> d[3])
                        .findFirst().orElse(null);
                for (Manifests m : List.of(merged, again, walked)) {
                    assertThat(m.namespace(name).map(ManifestsIndexTest::mark).orElse(null)).as("Namespace %s", name)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void lookupsFallBackToTheContextOnlyForNamesNotFoundHere() {
        Manifests here = LOADER.loadString("a.yaml", serviceAccount("x", "app", 1));
        Manifests context = LOADER.loadString("b.yaml", serviceAccount("x", "app", 2) + "---\n"
                + serviceAccount("x", "other", 3) + "---\n" + namespace("x", 4));
        Manifests both = here.withLookupsFrom(context);
        assertThat(both.serviceAccount("x", "app").map(ManifestsIndexTest::mark)).contains("m1");
        assertThat(both.serviceAccount("x", "other").map(ManifestsIndexTest::mark)).contains("m3");
        assertThat(both.namespace("x").map(ManifestsIndexTest::mark)).contains("m4");
        assertThat(here.serviceAccount("x", "other")).isEmpty();
        assertThat(Manifests.merge(List.of(both)).serviceAccount("x", "other")).as("merge drops the fallback").isEmpty();
    }
}
