package io.github.policydsl.k8s.testing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.github.policydsl.api.Rule;
import io.github.policydsl.api.report.JsonReportWriter;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.testing.Gen;
import io.github.policydsl.api.testing.Property;
import io.github.policydsl.api.testing.PropertyFailure;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.ManifestLoader;
import io.github.policydsl.k8s.packs.K8sHardening;
import io.github.policydsl.k8s.syntax.PodRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import static io.github.policydsl.k8s.K8sRules.pods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Properties of rules over generated workloads of every controller kind. */
class RulePropertiesTest {

    private static final List<UnaryOperator<PodRule>> CONDITIONS = List.of(
            PodRule::runAsNonRoot, PodRule::notRunAsUid0, PodRule::useSeccompProfile, PodRule::notAllowPrivilegeEscalation,
            PodRule::haveReadOnlyRootFilesystem, PodRule::dropAll, PodRule::notBePrivileged,
            PodRule::notShareHostNamespaces, PodRule::haveResourceLimits, PodRule::haveResourceRequests,
            PodRule::useImagePinnedByDigest, PodRule::notUseLatestTag, PodRule::notAutomountServiceAccountToken,
            r -> r.useRuntimeClass("gvisor"));

    @Test
    void aRuleAndItsMustNotTwinNeverBothPassOnTheSameSubject() {
        Property.forAll(K8sGenerators.bundles()).tries(150).printer(RulePropertiesTest::yaml).check(objects -> {
            Manifests m = Manifests.of(objects);
            for (UnaryOperator<PodRule> condition : CONDITIONS) {
                Rule<Manifests> must = condition.apply(pods().must()).allowEmptyShould(true);
                Rule<Manifests> mustNot = condition.apply(pods().mustNot()).allowEmptyShould(true);
                Map<String, Outcome> a = outcomes(must.evaluate(m));
                Map<String, Outcome> b = outcomes(mustNot.evaluate(m));
                assertThat(a.keySet()).isEqualTo(b.keySet());
                a.forEach((subject, outcome) -> assertThat(outcome == Outcome.PASS && b.get(subject) == Outcome.PASS)
                        .as("%s and its mustNot twin both pass on %s", must.description(), subject).isFalse());
            }
        });
    }

    @Test
    void aRuleAndItsMustNotTwinDisagreeWhenTheConditionApplies() {
        Property.forAll(K8sGenerators.workloads()).tries(150).check(workload -> {
            Manifests m = Manifests.of(workload);
            for (UnaryOperator<PodRule> condition : CONDITIONS) {
                Outcome a = condition.apply(pods().must()).evaluate(m).results().get(0).outcome();
                Outcome b = condition.apply(pods().mustNot()).evaluate(m).results().get(0).outcome();
                if (a != Outcome.SKIP) {
                    assertThat(List.of(a, b)).containsExactlyInAnyOrder(Outcome.PASS, Outcome.FAIL);
                }
            }
        });
    }

    private static Map<String, Outcome> outcomes(Report r) {
        Map<String, Outcome> out = new HashMap<>();
        for (RuleResult x : r.results()) {
            out.put(x.subject().display(), x.outcome());
        }
        return out;
    }

    @Test
    void shufflingInputDocumentsDoesNotChangeTheReport() {
        ManifestLoader loader = ManifestLoader.defaults();
        Property.forAll(K8sGenerators.bundles().flatMap(b -> Gen.ints(0, 1000).map(seed -> Map.entry(b, seed))))
                .tries(60).check(entry -> {
                    List<HasMetadata> objects = entry.getKey();
                    List<Manifests> files = new ArrayList<>();
                    for (int i = 0; i < objects.size(); i++) {
                        files.add(loader.loadString("file-" + i + ".yaml", K8sGenerators.toYaml(objects.get(i))));
                    }
                    List<Manifests> shuffled = new ArrayList<>(files);
                    Collections.shuffle(shuffled, new Random(entry.getValue()));
                    String a = JsonReportWriter.create().render(K8sHardening.policy().evaluate(Manifests.merge(files)));
                    String b = JsonReportWriter.create().render(K8sHardening.policy().evaluate(Manifests.merge(shuffled)));
                    assertThat(b).isEqualTo(a);
                });
    }

    @Test
    void generatedObjectsRoundTripThroughYamlAndTheLoader() {
        ManifestLoader loader = ManifestLoader.defaults();
        Property.forAll(K8sGenerators.workloads()).tries(100).check(w -> {
            Manifests m = loader.loadString("w.yaml", K8sGenerators.toYaml(w));
            assertThat(m.errors()).isEmpty();
            assertThat(m.resources()).hasSize(1);
            assertThat(m.resources().get(0).object()).isEqualTo(w);
        });
    }

    @Test
    void aFalsePropertyShrinksToAMinimalPod() {
        // deliberately false: "no pod has a privileged container"
        assertThatThrownBy(() -> Property.forAll(K8sGenerators.pods()).tries(500).printer(RulePropertiesTest::yaml)
                .check(pod -> assertThat(pod.getSpec().getContainers())
                        .noneMatch(c -> c.getSecurityContext() != null
                                && Boolean.TRUE.equals(c.getSecurityContext().getPrivileged()))))
                .isInstanceOfSatisfying(PropertyFailure.class, failure -> {
                    Pod pod = (Pod) failure.counterexample();
                    assertThat(pod.getSpec().getContainers()).hasSize(1);
                    Container c = pod.getSpec().getContainers().get(0);
                    assertThat(c.getSecurityContext().getPrivileged()).isTrue();
                    // everything optional shrank away
                    assertThat(c.getSecurityContext().getRunAsNonRoot()).isNull();
                    assertThat(c.getSecurityContext().getCapabilities()).isNull();
                    assertThat(c.getResources()).isNull();
                    assertThat(pod.getSpec().getInitContainers()).isEmpty();
                    assertThat(pod.getSpec().getEphemeralContainers()).isEmpty();
                    assertThat(pod.getSpec().getSecurityContext()).isNull();
                    assertThat(pod.getSpec().getHostNetwork()).isNull();
                    assertThat(failure.getMessage()).contains("minimal counterexample:").contains("privileged: true")
                            .contains("seed 42");
                });
    }

    private static String yaml(Object o) {
        if (o instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (Object x : list) {
                sb.append("---\n").append(K8sGenerators.toYaml(x));
            }
            return sb.toString();
        }
        return K8sGenerators.toYaml(o);
    }
}
