package io.github.policydsl.k8s.pss;

import static io.github.policydsl.k8s.K8sRules.pods;
import static io.github.policydsl.k8s.pss.PssTestManifests.KINDS;
import static io.github.policydsl.k8s.pss.PssTestManifests.at;
import static io.github.policydsl.k8s.pss.PssTestManifests.load;
import static io.github.policydsl.k8s.pss.PssTestManifests.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.policydsl.api.Policy;
import io.github.policydsl.api.Rule;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.PolicyViolationError;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.result.Violation;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.ManifestLoader;
import io.github.policydsl.k8s.pss.PssTestManifests.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PodSecurityStandardsTest {

    /** Passes restricted at every version: pod-level runAsNonRoot and seccomp, per-container APE and drop ALL. */
    static final String RESTRICTED_SPEC = """
            securityContext:
              runAsNonRoot: true
              seccompProfile:
                type: RuntimeDefault
            containers:
            - name: app
              image: nginx
              securityContext:
                allowPrivilegeEscalation: false
                capabilities:
                  drop: [ALL]
            """;

    static final String PRIVILEGED_SPEC = """
            containers:
            - name: app
              image: nginx
              securityContext:
                privileged: true
            """;

    static Stream<Kind> kinds() {
        return KINDS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void baselineFailsAPrivilegedContainerOfEveryControllerKindAtItsFieldAndLine(Kind kind) {
        String yaml = workload(kind.kind(), "w", "apps", PRIVILEGED_SPEC);
        Report report = PodSecurityStandards.baseline().evaluate(load("w.yaml", yaml));

        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(r.subject().kind()).isEqualTo(kind.kind());
        });
        Violation v = report.violations().get(0);
        assertThat(v.ruleId()).isEqualTo("k8s.pss.baseline");
        assertThat(v.message()).isEqualTo("violates PodSecurity \"baseline:latest\": privileged: privileged "
                + "(container \"app\" must not set securityContext.privileged=true)");
        assertThat(v.path()).hasToString(kind.specPath() + ".containers[0].securityContext.privileged");
        assertThat(v.location()).isEqualTo(at("w.yaml", yaml, "privileged: true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void restrictedPassesACompliantTemplateOfEveryControllerKind(Kind kind) {
        Manifests m = load("w.yaml", workload(kind.kind(), "w", null, RESTRICTED_SPEC));
        Report report = PodSecurityStandards.restricted().evaluate(m);
        assertThat(report.results()).singleElement().extracting(RuleResult::outcome).isEqualTo(Outcome.PASS);
        assertThat(report.isCompliant()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void restrictedFailsEveryControllerKindOnAnEphemeralContainer(Kind kind) {
        String spec = RESTRICTED_SPEC + """
                ephemeralContainers:
                - name: debug
                  image: busybox
                  securityContext:
                    allowPrivilegeEscalation: false
                """;
        String yaml = workload(kind.kind(), "w", null, spec);
        Report report = PodSecurityStandards.restricted().evaluate(load("w.yaml", yaml));
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(v.message()).isEqualTo("violates PodSecurity \"restricted:latest\": capabilities_restricted: "
                    + "unrestricted capabilities (container \"debug\" must set securityContext.capabilities.drop=[\"ALL\"])");
            assertThat(v.path()).hasToString(kind.specPath() + ".ephemeralContainers[0].securityContext.capabilities.drop");
            // the nearest existing node of the missing field is the ephemeral container's securityContext
            assertThat(v.location().line()).isEqualTo(
                    PssTestManifests.lineOf(yaml, "securityContext:", PssTestManifests.lineOf(yaml, "name: debug")));
        });
    }

    @Test
    void baselineFailsAPrivilegedEphemeralContainer() {
        String yaml = workload("Pod", "p", null, """
                containers:
                - name: app
                  image: nginx
                ephemeralContainers:
                - name: debug
                  image: busybox
                  securityContext:
                    privileged: true
                """);
        Report report = PodSecurityStandards.baseline().evaluate(load("p.yaml", yaml));
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.message()).contains(": privileged: privileged (container \"debug\" must not set securityContext.privileged=true)");
            assertThat(v.path()).hasToString("spec.ephemeralContainers[0].securityContext.privileged");
            assertThat(v.location()).isEqualTo(at("p.yaml", yaml, "privileged: true"));
        });
    }

    @Test
    void aTemplateFailingSeveralChecksGetsOneViolationPerCheckEachNamingItsCheckAndReason() {
        String yaml = workload("Deployment", "d", null, """
                hostNetwork: true
                containers:
                - name: app
                  image: nginx
                  securityContext:
                    privileged: true
                """);
        Report report = PodSecurityStandards.restricted().evaluate(load("d.yaml", yaml));
        assertThat(report.results()).singleElement().extracting(RuleResult::outcome).isEqualTo(Outcome.FAIL);
        List<String> checks = report.violations().stream()
                .map(v -> v.message().replaceFirst("^violates PodSecurity \"restricted:latest\": ([A-Za-z_]+): .*$", "$1"))
                .toList();
        Deployment d = (Deployment) load("d.yaml", yaml).resources().get(0).object();
        assertThat(checks).containsExactlyInAnyOrderElementsOf(PodSecurityChecks.evaluate(PssLevel.RESTRICTED,
                PssVersion.latest(), d.getSpec().getTemplate()).stream().map(PssCheckResult::checkId).toList());
        assertThat(checks).contains("hostNamespaces", "privileged", "runAsNonRoot", "allowPrivilegeEscalation");
        Violation host = report.violations().stream().filter(v -> v.message().contains(": hostNamespaces: ")).findFirst()
                .orElseThrow();
        assertThat(host.message()).contains("host namespaces (hostNetwork=true)");
        assertThat(host.path()).hasToString("spec.template.spec.hostNetwork");
        assertThat(host.location()).isEqualTo(at("d.yaml", yaml, "hostNetwork: true"));
    }

    @Test
    void theVersionSelectsTheChecks() {
        // runAsUser starts at v1.23: runAsUser=0 passes restricted v1.22 and fails v1.23
        String yaml = workload("Pod", "p", null, RESTRICTED_SPEC.replace("  runAsNonRoot: true\n",
                "  runAsNonRoot: true\n  runAsUser: 0\n"));
        Manifests m = load("p.yaml", yaml);

        Policy<Manifests> v122 = PodSecurityStandards.restricted(PssVersion.parse("v1.22"));
        Policy<Manifests> v123 = PodSecurityStandards.of(PssLevel.RESTRICTED, PssVersion.parse("v1.23"));
        assertThat(v122.evaluate(m).isCompliant()).isTrue();
        Report failed = v123.evaluate(m);
        assertThat(failed.violations()).singleElement().satisfies(v -> {
            assertThat(v.message()).startsWith("violates PodSecurity \"restricted:v1.23\": runAsUser: runAsUser=0");
            assertThat(v.path()).hasToString("spec.securityContext.runAsUser");
            assertThat(v.location()).isEqualTo(at("p.yaml", yaml, "runAsUser: 0"));
        });
        assertThat(PodSecurityStandards.restricted().evaluate(m).isCompliant()).isFalse();
    }

    @Test
    void policiesAreNamedAndVersionedWithOneRuleWhoseIdDependsOnTheLevelOnly() {
        assertThat(PodSecurityStandards.baseline().name()).isEqualTo("pss-baseline");
        assertThat(PodSecurityStandards.baseline().version()).isEqualTo("latest");
        Policy<Manifests> r = PodSecurityStandards.restricted(PssVersion.parse("v1.24"));
        assertThat(r.name()).isEqualTo("pss-restricted");
        assertThat(r.version()).isEqualTo("v1.24");
        assertThat(r.rules()).extracting(Rule::id).containsExactly("k8s.pss.restricted");
        assertThat(PodSecurityStandards.restricted().rules()).extracting(Rule::id).containsExactly("k8s.pss.restricted");
        assertThat(PodSecurityStandards.baseline(PssVersion.parse("v1.0")).rules()).extracting(Rule::id)
                .containsExactly(PodSecurityStandards.BASELINE_RULE_ID);
        assertThat(r.rules().get(0).description()).isEqualTo("pods must meet the restricted Pod Security Standard v1.24");
        assertThat(PodSecurityStandards.ruleId(PssLevel.PRIVILEGED)).isEqualTo("k8s.pss.privileged");
    }

    @Test
    void privilegedAllowsEverything() {
        Manifests m = load("p.yaml", workload("Pod", "p", null, PRIVILEGED_SPEC));
        assertThat(PodSecurityStandards.of(PssLevel.PRIVILEGED, PssVersion.latest()).evaluate(m).isCompliant()).isTrue();
        assertThat(PodSecurityStandards.baseline().evaluate(m).isCompliant()).isFalse();
    }

    @Test
    void anInputWithoutPodsPassesButLoadErrorsDoNot() {
        Manifests none = load("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
        assertThat(PodSecurityStandards.restricted().evaluate(none).isCompliant()).isTrue();

        Manifests broken = ManifestLoader.defaults().loadString("bad.yaml", "kind: Pod\nspec: [\n");
        Report report = PodSecurityStandards.restricted().evaluate(broken);
        assertThat(report.summary().error()).isPositive();
        assertThat(report.isCompliant()).isFalse();
    }

    @Test
    void checkThrowsWithTheViolations() {
        Manifests m = load("p.yaml", workload("Pod", "p", null, PRIVILEGED_SPEC));
        assertThatThrownBy(() -> PodSecurityStandards.baseline().check(m))
                .isInstanceOf(PolicyViolationError.class)
                .hasMessageContaining("k8s.pss.baseline")
                .hasMessageContaining("privileged");
    }

    @Test
    void theDslRuleSelectsByNamespace() {
        String yaml = workload("Pod", "a", "x", PRIVILEGED_SPEC) + "---\n" + workload("Pod", "b", "y", PRIVILEGED_SPEC);
        Manifests m = load("two.yaml", yaml);
        Report report = pods().that().areInNamespace("x").must().meetPodSecurity(PssLevel.RESTRICTED)
                .withId("acme.x-restricted").evaluate(m);
        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.subject().name()).isEqualTo("a");
            assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        });
        assertThat(report.violations()).allSatisfy(v -> assertThat(v.ruleId()).isEqualTo("acme.x-restricted"));
        assertThat(report.violations()).extracting(Violation::message)
                .anySatisfy(msg -> assertThat(msg).startsWith("violates PodSecurity \"restricted:latest\": privileged: "));
    }

    @Test
    void policiesAreSharedForLatestAndUsableFromManyThreads() throws Exception {
        assertThat(PodSecurityStandards.restricted()).isSameAs(PodSecurityStandards.of(PssLevel.RESTRICTED,
                PssVersion.latest()));
        Manifests m = load("p.yaml", workload("Deployment", "d", null, PRIVILEGED_SPEC));
        Report expected = PodSecurityStandards.restricted().evaluate(m);
        List<Thread> threads = new ArrayList<>();
        List<Report> reports = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> reports.add(PodSecurityStandards.restricted().evaluate(m)));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(reports).hasSize(8).allSatisfy(r -> assertThat(r.violations()).isEqualTo(expected.violations()));
    }
}
