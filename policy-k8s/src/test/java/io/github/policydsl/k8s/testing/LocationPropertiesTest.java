package io.github.policydsl.k8s.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.api.testing.Property;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.LoadedResource;
import io.github.policydsl.k8s.load.ManifestLoader;
import io.github.policydsl.k8s.packs.K8sHardening;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every violation of the pack is located at the most specific existing node of its path, in multi-document files. */
class LocationPropertiesTest {

    @Test
    void everyViolationPointsAtTheMostSpecificExistingNodeOfItsDocument() {
        ManifestLoader loader = ManifestLoader.defaults();
        Property.forAll(K8sGenerators.bundles()).tries(80).check(objects -> {
            StringBuilder text = new StringBuilder();
            List<Integer> starts = new ArrayList<>();
            int line = 1;
            for (HasMetadata o : objects) {
                text.append("---\n");
                line++;
                starts.add(line);
                String yaml = K8sGenerators.toYaml(o);
                text.append(yaml);
                line += (int) yaml.lines().count();
            }
            starts.add(line);
            Manifests m = loader.loadString("bundle.yaml", text.toString());
            assertThat(m.errors()).isEmpty();
            Report r = K8sHardening.policy().evaluate(m);
            for (Violation v : r.violations()) {
                LoadedResource owner = m.resources().stream()
                        .filter(x -> x.kind().equals(v.subject().kind()) && x.name().equals(v.subject().name())
                                && x.namespace().equals(v.subject().namespace()))
                        .findFirst().orElseThrow();
                Location expected = owner.locate(v.path());
                assertThat(v.location()).as(v.toLine()).isEqualTo(expected);
                assertThat(v.location().line()).isBetween(starts.get(owner.document()), starts.get(owner.document() + 1) - 1);
                // the located line holds the nearest existing node of the path: its key, or its list item
                io.github.policydsl.api.result.FieldPath existing = v.path();
                while (!existing.isRoot() && !owner.hasNode(existing)) {
                    existing = existing.parent();
                }
                String sourceLine = text.toString().lines().skip(v.location().line() - 1L).findFirst().orElseThrow();
                String atColumn = sourceLine.substring(v.location().column() - 1);
                Object last = existing.isRoot() ? null : existing.segment(existing.size() - 1);
                if (last instanceof String key) {
                    assertThat(atColumn).as(v.toLine()).startsWith(key + ":");
                } else if (last instanceof Integer) {
                    assertThat(sourceLine.substring(0, v.location().column() - 1).trim()).as(v.toLine()).endsWith("-");
                }
            }
        });
    }
}
