package io.github.policydsl.k8s.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.github.policydsl.api.Policy;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.api.testing.Choices;
import io.github.policydsl.api.testing.Gen;
import io.github.policydsl.api.testing.Property;
import io.github.policydsl.api.testing.PropertyFailure;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.ManifestLoader;
import io.github.policydsl.k8s.network.NetworkPoliciesPack;
import io.github.policydsl.k8s.packs.K8sHardening;
import io.github.policydsl.k8s.pss.PodSecurityAdmission;
import io.github.policydsl.k8s.pss.PodSecurityStandards;
import io.github.policydsl.k8s.pss.PssLevel;
import io.github.policydsl.k8s.rbac.RbacPack;
import io.github.policydsl.k8s.secrets.SecretsPack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Properties of the cluster generators: round trips, compliance by construction, shrinking, purity. */
class ClusterPropertiesTest {

    private static final Policy<Manifests> PSS_PACK = PodSecurityAdmission.builder()
            .requireEnforceLabel(PssLevel.BASELINE).build().policy();

    private static String yaml(List<? extends HasMetadata> objects) {
        StringBuilder sb = new StringBuilder();
        for (HasMetadata o : objects) {
            sb.append("---\n").append(K8sGenerators.toYaml(o));
        }
        return sb.toString();
    }

    private static String problems(Report r) {
        return r.violations(Outcome.FAIL, Outcome.WARN, Outcome.ERROR).stream().map(Violation::toLine)
                .collect(Collectors.joining("\n"));
    }

    @Test
    void generatedClusterBundlesRoundTripThroughYamlAndTheLoaderUnchanged() {
        ManifestLoader loader = ManifestLoader.defaults();
        Property.forAll(ClusterGenerators.clusterBundles()).tries(80).printer(ClusterPropertiesTest::yaml)
                .check(objects -> {
                    Manifests m = loader.loadString("bundle.yaml", yaml(objects));
                    assertThat(m.errors()).isEmpty();
                    assertThat(m.resources()).hasSize(objects.size());
                    for (int i = 0; i < objects.size(); i++) {
                        assertThat(m.resources().get(i).object()).isEqualTo(objects.get(i));
                    }
                });
    }

    @Test
    void compliantBundlesRoundTripAndPassEveryBuiltInPack() {
        ManifestLoader loader = ManifestLoader.defaults();
        Property.forAll(ClusterGenerators.compliantBundles()).tries(40).printer(ClusterPropertiesTest::yaml)
                .check(objects -> {
                    Manifests m = loader.loadString("bundle.yaml", yaml(objects));
                    assertThat(m.errors()).isEmpty();
                    for (int i = 0; i < objects.size(); i++) {
                        assertThat(m.resources().get(i).object()).isEqualTo(objects.get(i));
                    }
                    for (Policy<Manifests> pack : List.of(K8sHardening.policy(), PodSecurityStandards.baseline(),
                            PodSecurityStandards.restricted(), PSS_PACK, RbacPack.policy(),
                            NetworkPoliciesPack.policy(), SecretsPack.policy())) {
                        Report r = pack.evaluate(m);
                        assertThat(r.summary().fail() + r.summary().warn() + r.summary().error())
                                .as("%s on a compliant bundle:%n%s", pack.name(), problems(r)).isZero();
                        assertThat(r.summary().pass()).as("%s checked something", pack.name()).isPositive();
                    }
                });
    }

    @Test
    void compliantRbacPassesTheRbacPackAndCompliantNamespacesPassThePssPack() {
        Property.forAll(ClusterGenerators.compliantRbac("apps")).tries(60).check(objects -> {
            Report r = RbacPack.policy().evaluate(Manifests.of(objects));
            assertThat(r.summary().fail()).as(problems(r)).isZero();
        });
        Property.forAll(ClusterGenerators.compliantNamespaces("apps")).tries(60).check(ns -> {
            Report r = PSS_PACK.evaluate(Manifests.of(ns));
            assertThat(r.summary().fail()).as(problems(r)).isZero();
        });
    }

    /** The namespace-labels rule fails exactly when a generated label value is not a level or version. */
    @Test
    void theNamespaceLabelRuleFailsExactlyOnInvalidLevelsAndVersions() {
        Set<String> levels = Set.of("privileged", "baseline", "restricted");
        Property.forAll(ClusterGenerators.namespaceObjects()).tries(200).printer(K8sGenerators::toYaml).check(ns -> {
            boolean invalid = false;
            for (Map.Entry<String, String> e : ns.getMetadata().getLabels().entrySet()) {
                if (!e.getKey().startsWith(PodSecurityAdmission.LABEL_PREFIX)) {
                    continue;
                }
                invalid |= e.getKey().endsWith("-version") ? !e.getValue().matches("latest|v1\\.(0|[1-9][0-9]*)")
                        : !levels.contains(e.getValue());
            }
            Outcome o = PodSecurityAdmission.defaults().namespaceLabelsRule().evaluate(Manifests.of(ns)).results()
                    .get(0).outcome();
            assertThat(o).isEqualTo(invalid ? Outcome.FAIL : Outcome.PASS);
        });
    }

    @Test
    void generatorsAreReplayableAndNeverShareObjects() {
        for (Gen<?> gen : List.<Gen<?>>of(ClusterGenerators.clusterBundles(), ClusterGenerators.compliantBundles())) {
            for (int seed = 0; seed < 20; seed++) {
                Choices c = Choices.random(seed);
                Object first = gen.generate(c);
                String before = first.toString();
                Object replayed = gen.generate(Choices.replay(c.recorded()));
                assertThat(replayed).isEqualTo(first).isNotSameAs(first);
                // generating more values leaves earlier ones untouched
                gen.generate(Choices.random(seed + 1000));
                assertThat(first.toString()).isEqualTo(before);
            }
        }
    }

    @Test
    void aFalseRbacPropertyShrinksToAMinimalRole() {
        // deliberately false: "no generated Role grants anything on secrets"
        assertThatThrownBy(() -> Property.forAll(ClusterGenerators.roles()).tries(300).printer(K8sGenerators::toYaml)
                .check(role -> assertThat(role.getRules()).noneMatch(r -> r.getResources().contains("secrets"))))
                .isInstanceOfSatisfying(PropertyFailure.class, failure -> {
                    Role role = (Role) failure.counterexample();
                    assertThat(role.getMetadata().getName()).isEqualTo("a");
                    assertThat(role.getMetadata().getNamespace()).isEqualTo("default");
                    assertThat(role.getRules()).hasSize(1);
                    PolicyRule r = role.getRules().get(0);
                    assertThat(r.getResources()).containsExactly("secrets");
                    assertThat(r.getVerbs()).containsExactly("get");
                    assertThat(r.getResourceNames()).isEmpty();
                    assertThat(failure.getMessage()).contains("minimal counterexample:").contains("- \"secrets\"");
                });
    }

    @Test
    void aFalseNamespacePropertyShrinksToOneLabel() {
        // deliberately false: "no generated Namespace carries an invalid Pod Security label"
        assertThatThrownBy(() -> Property.forAll(ClusterGenerators.namespaceObjects()).tries(300)
                .printer(K8sGenerators::toYaml)
                .check(ns -> assertThat(PodSecurityAdmission.defaults().namespaceLabelsRule()
                        .evaluate(Manifests.of(ns)).summary().fail()).isZero()))
                .isInstanceOfSatisfying(PropertyFailure.class, failure -> {
                    Namespace ns = (Namespace) failure.counterexample();
                    Map<String, String> labels = ns.getMetadata().getLabels();
                    // the shrinker is greedy: it reaches one invalid label with at most one other label left
                    assertThat(labels).hasSizeBetween(1, 2).doesNotContainKey("team");
                    assertThat(labels.values()).containsAnyOf("strict", "Restricted", "", "none", "v2", "1.30", "v1.x");
                    assertThat(failure.getMessage()).contains("minimal counterexample:")
                            .contains(PodSecurityAdmission.LABEL_PREFIX);
                });
    }
}
