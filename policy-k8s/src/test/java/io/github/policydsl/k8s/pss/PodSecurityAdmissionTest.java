package io.github.policydsl.k8s.pss;

import static io.github.policydsl.k8s.K8sRules.namespaceObjects;
import static io.github.policydsl.k8s.pss.PssTestManifests.KINDS;
import static io.github.policydsl.k8s.pss.PssTestManifests.at;
import static io.github.policydsl.k8s.pss.PssTestManifests.load;
import static io.github.policydsl.k8s.pss.PssTestManifests.workload;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.policydsl.api.Rule;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.ManifestLoader;
import io.github.policydsl.k8s.pss.PodSecurityAdmission.LevelVersion;
import io.github.policydsl.k8s.pss.PodSecurityAdmission.Mode;
import io.github.policydsl.k8s.pss.PodSecurityAdmission.NamespacePolicy;
import io.github.policydsl.k8s.pss.PssTestManifests.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PodSecurityAdmissionTest {

    private static final String ENFORCE = "pod-security.kubernetes.io/enforce";
    private static final String ENFORCE_VERSION = "pod-security.kubernetes.io/enforce-version";
    private static final String AUDIT = "pod-security.kubernetes.io/audit";
    private static final String AUDIT_VERSION = "pod-security.kubernetes.io/audit-version";
    private static final String WARN = "pod-security.kubernetes.io/warn";
    private static final String WARN_VERSION = "pod-security.kubernetes.io/warn-version";

    private static final PodSecurityAdmission DEFAULTS = PodSecurityAdmission.defaults();

    private static LevelVersion lv(String level, String version) {
        return new LevelVersion(PssLevel.parse(level), PssVersion.parse(version));
    }

    static String namespace(String name, Map<String, String> labels) {
        StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n");
        if (!labels.isEmpty()) {
            sb.append("  labels:\n");
            labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> sb.append("    ").append(e.getKey()).append(": \"").append(e.getValue()).append("\"\n"));
        }
        return sb.toString();
    }

    static Report evaluate(PodSecurityAdmission admission, Manifests m, String ruleId) {
        return admission.policy().rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow()
                .evaluate(m);
    }

    static Outcome outcome(PodSecurityAdmission admission, Manifests m, String ruleId) {
        return evaluate(admission, m, ruleId).results().stream().map(RuleResult::outcome).reduce((a, b) -> {
            throw new AssertionError("more than one result: " + a + ", " + b);
        }).orElseThrow();
    }

    @Nested
    class Labels {

        @Test
        void noLabelsGiveTheDefaultsPrivilegedAtLatestUnlessConfigured() {
            NamespacePolicy p = DEFAULTS.policyFor("a", Map.of());
            for (Mode m : Mode.values()) {
                assertThat(p.get(m)).isEqualTo(lv("privileged", "latest"));
            }
            assertThat(p.isFullyPrivileged()).isTrue();
            assertThat(p.errors()).isEmpty();

            PodSecurityAdmission configured = PodSecurityAdmission.builder()
                    .defaults(PssLevel.BASELINE, PssVersion.parse("v1.30"))
                    .defaultFor(Mode.AUDIT, PssLevel.RESTRICTED, PssVersion.latest())
                    .build();
            NamespacePolicy q = configured.policyFor("a", Map.of("team", "x"));
            assertThat(q.get(Mode.ENFORCE)).isEqualTo(lv("baseline", "v1.30"));
            assertThat(q.get(Mode.WARN)).isEqualTo(lv("baseline", "v1.30"));
            assertThat(q.get(Mode.AUDIT)).isEqualTo(lv("restricted", "latest"));
            assertThat(q.source(Mode.ENFORCE)).contains("admission default");
        }

        @Test
        void validLabelsReplaceTheDefaultsPerMode() {
            NamespacePolicy p = DEFAULTS.policyFor("a", Map.of(ENFORCE, "baseline", ENFORCE_VERSION, "v1.24",
                    AUDIT, "restricted", WARN, "restricted", WARN_VERSION, "v1.30"));
            assertThat(p.get(Mode.ENFORCE)).isEqualTo(lv("baseline", "v1.24"));
            assertThat(p.get(Mode.AUDIT)).isEqualTo(lv("restricted", "latest"));
            assertThat(p.get(Mode.WARN)).isEqualTo(lv("restricted", "v1.30"));
            assertThat(p.errors()).isEmpty();
            assertThat(p.source(Mode.ENFORCE)).isEqualTo("label " + ENFORCE + "=baseline of namespace \"a\"");
            assertThat(p.get(Mode.ENFORCE)).hasToString("baseline:v1.24");
        }

        @Test
        void anInvalidEnforceLevelFailsClosedToRestrictedAndTurnsOffWarnDefaulting() {
            NamespacePolicy p = DEFAULTS.policyFor("a", Map.of(ENFORCE, "Restricted", ENFORCE_VERSION, "v1.25"));
            assertThat(p.get(Mode.ENFORCE)).isEqualTo(lv("restricted", "v1.25"));
            assertThat(p.get(Mode.WARN)).isEqualTo(lv("privileged", "latest"));
            assertThat(p.errors()).singleElement().satisfies(e -> {
                assertThat(e.key()).isEqualTo(ENFORCE);
                assertThat(e.value()).isEqualTo("Restricted");
                assertThat(e.message()).contains("falls back to restricted");
            });
            assertThat(p.isFullyPrivileged()).isFalse();
        }

        @Test
        void invalidAuditAndWarnLevelsFailOpenToPrivileged() {
            PodSecurityAdmission strictDefaults = PodSecurityAdmission.builder()
                    .defaults(PssLevel.RESTRICTED, PssVersion.latest()).build();
            NamespacePolicy p = strictDefaults.policyFor("a", Map.of(AUDIT, "strict", WARN, ""));
            assertThat(p.get(Mode.AUDIT).level()).isEqualTo(PssLevel.PRIVILEGED);
            assertThat(p.get(Mode.WARN).level()).isEqualTo(PssLevel.PRIVILEGED);
            assertThat(p.get(Mode.ENFORCE).level()).isEqualTo(PssLevel.RESTRICTED);
            assertThat(p.errors()).extracting(PodSecurityAdmission.LabelError::key).containsExactly(AUDIT, WARN);
        }

        @Test
        void invalidVersionsInAnyModeFallBackToLatest() {
            NamespacePolicy p = DEFAULTS.policyFor("a", Map.of(ENFORCE, "baseline", ENFORCE_VERSION, "v1.05",
                    AUDIT, "baseline", AUDIT_VERSION, "1.25", WARN, "baseline", WARN_VERSION, "v2.0"));
            for (Mode m : Mode.values()) {
                assertThat(p.get(m)).as(m.label()).isEqualTo(lv("baseline", "latest"));
            }
            assertThat(p.errors()).extracting(PodSecurityAdmission.LabelError::key)
                    .containsExactly(ENFORCE_VERSION, AUDIT_VERSION, WARN_VERSION);
            assertThat(p.source(Mode.ENFORCE)).contains("invalid label " + ENFORCE_VERSION + "=\"v1.05\"");
        }

        @Test
        void warnDefaultsToAStricterValidEnforceLevelAndItsVersion() {
            NamespacePolicy p = DEFAULTS.policyFor("a", Map.of(ENFORCE, "restricted", ENFORCE_VERSION, "v1.29"));
            assertThat(p.get(Mode.WARN)).isEqualTo(lv("restricted", "v1.29"));
            assertThat(p.get(Mode.AUDIT)).isEqualTo(lv("privileged", "latest"));
            assertThat(p.source(Mode.WARN)).contains("warn follows its enforce label");

            NamespacePolicy ownVersion = DEFAULTS.policyFor("a", Map.of(ENFORCE, "restricted", ENFORCE_VERSION, "v1.29",
                    WARN_VERSION, "v1.20"));
            assertThat(ownVersion.get(Mode.WARN)).isEqualTo(lv("restricted", "v1.20"));

            NamespacePolicy ownLevel = DEFAULTS.policyFor("a", Map.of(ENFORCE, "restricted", WARN, "privileged"));
            assertThat(ownLevel.get(Mode.WARN)).isEqualTo(lv("privileged", "latest"));

            PodSecurityAdmission warnRestricted = PodSecurityAdmission.builder()
                    .defaultFor(Mode.WARN, PssLevel.RESTRICTED, PssVersion.parse("v1.30")).build();
            NamespacePolicy notStricter = warnRestricted.policyFor("a", Map.of(ENFORCE, "baseline", ENFORCE_VERSION, "v1.2"));
            assertThat(notStricter.get(Mode.WARN)).isEqualTo(lv("restricted", "v1.30"));
        }

        @Test
        void aNamespaceMissingFromTheInputGetsTheDefaults() {
            Manifests m = load("p.yaml", workload("Pod", "p", "ghost", "containers: []\n"));
            NamespacePolicy p = DEFAULTS.policyFor(m, "ghost");
            assertThat(p.isInInput()).isFalse();
            assertThat(p.source(Mode.ENFORCE)).isEqualTo("namespace \"ghost\" is not in the input: admission default");
        }
    }

    @Nested
    class Pods {

        static final String PRIVILEGED_SPEC = PodSecurityStandardsTest.PRIVILEGED_SPEC;

        static Stream<Kind> kinds() {
            return KINDS.stream();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("kinds")
        void enforceFailsEveryControllerKindAtTheFieldAndLine(Kind kind) {
            String yaml = namespace("apps", Map.of(ENFORCE, "baseline")) + "---\n"
                    + workload(kind.kind(), "w", "apps", PRIVILEGED_SPEC);
            Manifests m = load("b.yaml", yaml);
            Report report = evaluate(DEFAULTS, m, PodSecurityAdmission.ENFORCE_RULE_ID);
            assertThat(report.results()).singleElement().extracting(RuleResult::outcome).isEqualTo(Outcome.FAIL);
            Violation v = report.violations().get(0);
            assertThat(v.ruleId()).isEqualTo("k8s.pss.admission.enforce");
            assertThat(v.message()).startsWith("violates PodSecurity \"baseline:latest\": privileged: privileged "
                    + "(container \"app\" must not set securityContext.privileged=true) (enforce: label " + ENFORCE
                    + "=baseline of namespace \"apps\"");
            if (kind.kind().equals("Pod")) {
                assertThat(v.message()).doesNotContain("denies pods created from its template");
            } else {
                assertThat(v.message()).contains("the API server admits the " + kind.kind() + " itself but denies pods created from its template");
            }
            assertThat(v.path()).hasToString(kind.specPath() + ".containers[0].securityContext.privileged");
            assertThat(v.location()).isEqualTo(at("b.yaml", yaml, "privileged: true"));
            assertThat(v.subject().kind()).isEqualTo(kind.kind());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("kinds")
        void auditAndWarnWarnForEveryControllerKind(Kind kind) {
            String yaml = namespace("apps", Map.of(AUDIT, "baseline", WARN, "baseline")) + "---\n"
                    + workload(kind.kind(), "w", "apps", PRIVILEGED_SPEC);
            Manifests m = load("b.yaml", yaml);
            assertThat(outcome(DEFAULTS, m, PodSecurityAdmission.ENFORCE_RULE_ID)).isEqualTo(Outcome.PASS);
            for (String id : List.of(PodSecurityAdmission.AUDIT_RULE_ID, PodSecurityAdmission.WARN_RULE_ID)) {
                Report r = evaluate(DEFAULTS, m, id);
                assertThat(r.results()).singleElement().extracting(RuleResult::outcome).isEqualTo(Outcome.WARN);
                assertThat(r.violations()).singleElement().satisfies(v -> {
                    assertThat(v.outcome()).isEqualTo(Outcome.WARN);
                    assertThat(v.message()).startsWith("would violate PodSecurity \"baseline:latest\": privileged: ");
                    assertThat(v.location()).isEqualTo(at("b.yaml", yaml, "privileged: true"));
                });
            }
            Report all = DEFAULTS.policy().evaluate(m);
            assertThat(all.summary().fail()).isZero();
            assertThat(all.summary().warn()).isEqualTo(2);
        }

        @Test
        void ephemeralContainersAreEvaluated() {
            String yaml = namespace("apps", Map.of(ENFORCE, "baseline")) + "---\n" + workload("Pod", "p", "apps", """
                    containers:
                    - name: app
                      image: nginx
                    ephemeralContainers:
                    - name: debug
                      image: busybox
                      securityContext:
                        capabilities:
                          add: [SYS_ADMIN]
                    """);
            Report r = evaluate(DEFAULTS, load("e.yaml", yaml), PodSecurityAdmission.ENFORCE_RULE_ID);
            assertThat(r.violations()).singleElement().satisfies(v -> {
                assertThat(v.message()).contains(": capabilities_baseline: non-default capabilities");
                assertThat(v.path()).hasToString("spec.ephemeralContainers[0].securityContext.capabilities.add[0]");
                assertThat(v.location()).isEqualTo(at("e.yaml", yaml, "SYS_ADMIN"));
            });
        }

        @Test
        void theEnforceVersionLabelSelectsTheChecks() {
            String spec = PodSecurityStandardsTest.RESTRICTED_SPEC.replace("  runAsNonRoot: true\n",
                    "  runAsNonRoot: true\n  runAsUser: 0\n");
            String old = namespace("old", Map.of(ENFORCE, "restricted", ENFORCE_VERSION, "v1.22")) + "---\n"
                    + workload("Pod", "p", "old", spec);
            String now = namespace("now", Map.of(ENFORCE, "restricted")) + "---\n" + workload("Pod", "p", "now", spec);
            assertThat(outcome(DEFAULTS, load("old.yaml", old), PodSecurityAdmission.ENFORCE_RULE_ID))
                    .isEqualTo(Outcome.PASS);
            Report r = evaluate(DEFAULTS, load("now.yaml", now), PodSecurityAdmission.ENFORCE_RULE_ID);
            assertThat(r.violations()).singleElement().extracting(Violation::message).asString()
                    .startsWith("violates PodSecurity \"restricted:latest\": runAsUser: runAsUser=0");
        }

        @Test
        void anInvalidEnforceLabelEvaluatesRestricted() {
            String yaml = namespace("apps", Map.of(ENFORCE, "Baseline")) + "---\n"
                    + workload("Pod", "p", "apps", PodSecurityStandardsTest.RESTRICTED_SPEC.replace(
                            "runAsNonRoot: true", "runAsNonRoot: false"));
            Report r = evaluate(DEFAULTS, load("i.yaml", yaml), PodSecurityAdmission.ENFORCE_RULE_ID);
            assertThat(r.violations()).singleElement().extracting(Violation::message).asString()
                    .startsWith("violates PodSecurity \"restricted:latest\": runAsNonRoot: ")
                    .contains("invalid label " + ENFORCE + "=\"Baseline\" of namespace \"apps\": admission falls back "
                            + "to restricted");
        }

        @Test
        void aBarePodDeniedByEnforceGetsNoWarningButAWorkloadDoes() {
            Map<String, String> labels = Map.of(ENFORCE, "baseline", WARN, "baseline");
            String pod = namespace("apps", labels) + "---\n" + workload("Pod", "p", "apps", PRIVILEGED_SPEC);
            Report warn = evaluate(DEFAULTS, load("p.yaml", pod), PodSecurityAdmission.WARN_RULE_ID);
            assertThat(warn.results()).singleElement().extracting(RuleResult::outcome).isEqualTo(Outcome.SKIP);
            assertThat(warn.violations()).singleElement().extracting(Violation::message).asString()
                    .contains("the enforce mode (baseline:latest) already denies this pod");

            String deployment = namespace("apps", labels) + "---\n" + workload("Deployment", "d", "apps", PRIVILEGED_SPEC);
            assertThat(outcome(DEFAULTS, load("d.yaml", deployment), PodSecurityAdmission.WARN_RULE_ID))
                    .isEqualTo(Outcome.WARN);
        }

        @Test
        void unlabelledAndMissingNamespacesUseTheConfiguredDefault() {
            String yaml = namespace("plain", Map.of()) + "---\n" + workload("Pod", "a", "plain", PRIVILEGED_SPEC)
                    + "---\n" + workload("Deployment", "b", null, PRIVILEGED_SPEC);
            Manifests m = load("u.yaml", yaml);
            assertThat(DEFAULTS.policy().evaluate(m).isCompliant()).isTrue();

            PodSecurityAdmission baseline = PodSecurityAdmission.builder()
                    .defaultFor(Mode.ENFORCE, PssLevel.BASELINE, PssVersion.latest()).build();
            Report r = evaluate(baseline, m, PodSecurityAdmission.ENFORCE_RULE_ID);
            assertThat(r.results()).extracting(RuleResult::outcome).containsExactly(Outcome.FAIL, Outcome.FAIL);
            assertThat(r.violations()).extracting(Violation::message)
                    .anySatisfy(msg -> assertThat(msg).contains("namespace \"plain\" has no " + ENFORCE
                            + " label: admission default"))
                    .anySatisfy(msg -> assertThat(msg).contains("namespace \"default\" is not in the input: "
                            + "admission default"));
        }

        @Test
        void exemptNamespacesAndRuntimeClassesAreSkipped() {
            String yaml = namespace("kube-system", Map.of(ENFORCE, "restricted")) + "---\n"
                    + namespace("apps", Map.of(ENFORCE, "restricted")) + "---\n"
                    + workload("DaemonSet", "ds", "kube-system", PRIVILEGED_SPEC) + "---\n"
                    + workload("Pod", "sandboxed", "apps", "runtimeClassName: kata\n" + PRIVILEGED_SPEC) + "---\n"
                    + workload("Pod", "plain", "apps", PRIVILEGED_SPEC);
            Manifests m = load("x.yaml", yaml);
            PodSecurityAdmission admission = PodSecurityAdmission.builder().exemptNamespaces("kube-system")
                    .exemptRuntimeClasses("kata").build();
            Report r = evaluate(admission, m, PodSecurityAdmission.ENFORCE_RULE_ID);
            assertThat(r.results()).extracting(res -> res.subject().name() + "=" + res.outcome())
                    .containsExactly("ds=SKIP", "sandboxed=SKIP", "plain=FAIL");
            assertThat(r.violations(Outcome.SKIP)).extracting(Violation::message).containsExactly(
                    "not applicable: namespace \"kube-system\" is exempt from Pod Security admission",
                    "not applicable: runtimeClassName \"kata\" is exempt from Pod Security admission");
            assertThat(r.violations(Outcome.SKIP).get(1).path()).hasToString("spec.runtimeClassName");
            assertThat(evaluate(DEFAULTS, m, PodSecurityAdmission.ENFORCE_RULE_ID).summary().fail()).isEqualTo(3);
        }

        @Test
        void aRuntimeClassExemptionDoesNotTurnAPrivilegedNamespaceIntoSkips() {
            String yaml = namespace("open", Map.of(ENFORCE, "privileged")) + "---\n"
                    + workload("Pod", "p", "open", "runtimeClassName: kata\n" + PRIVILEGED_SPEC);
            PodSecurityAdmission admission = PodSecurityAdmission.builder().exemptRuntimeClasses("kata").build();
            assertThat(outcome(admission, load("o.yaml", yaml), PodSecurityAdmission.ENFORCE_RULE_ID))
                    .isEqualTo(Outcome.PASS);
        }

        @Test
        void thePolicyHasStableRuleIdsAndTheBuilderIsCopiedOnBuild() {
            PodSecurityAdmission.Builder b = PodSecurityAdmission.builder().exemptNamespaces("a");
            PodSecurityAdmission first = b.build();
            b.exemptNamespaces("b").requireEnforceLabel(PssLevel.RESTRICTED);
            PodSecurityAdmission second = b.build();
            assertThat(first.exemptNamespaces()).containsExactly("a");
            assertThat(first.policy().name()).isEqualTo("pss");
            assertThat(first.policy().rules()).extracting(Rule::id).containsExactly("k8s.pss.admission.enforce",
                    "k8s.pss.admission.audit", "k8s.pss.admission.warn", "k8s.pss.admission.namespace-labels");
            assertThat(second.exemptNamespaces()).containsExactly("a", "b");
            assertThat(second.policy().rules()).extracting(Rule::id).endsWith("k8s.pss.namespace-enforce-label");
            assertThat(first.policy().evaluate(load("empty.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                    + "  name: c\n")).isCompliant()).isTrue();
        }
    }

    @Nested
    class Namespaces {

        @Test
        void invalidLabelsFailTheLabelRuleAtTheLabel() {
            String yaml = namespace("apps", Map.of(ENFORCE, "Restricted", AUDIT_VERSION, "v1.05", WARN, "baseline"));
            Report r = evaluate(DEFAULTS, load("n.yaml", yaml), PodSecurityAdmission.NAMESPACE_LABELS_RULE_ID);
            assertThat(r.results()).singleElement().extracting(RuleResult::outcome).isEqualTo(Outcome.FAIL);
            assertThat(r.violations()).hasSize(2).anySatisfy(v -> {
                assertThat(v.path()).hasToString("metadata.labels." + ENFORCE);
                assertThat(v.path().segments()).last().isEqualTo(ENFORCE);
                assertThat(v.location()).isEqualTo(at("n.yaml", yaml, ENFORCE + ":"));
                assertThat(v.message()).contains("\"Restricted\" is invalid");
            }).anySatisfy(v -> {
                assertThat(v.path()).hasToString("metadata.labels." + AUDIT_VERSION);
                assertThat(v.location()).isEqualTo(at("n.yaml", yaml, AUDIT_VERSION + ":"));
            });
            Report valid = evaluate(DEFAULTS, load("v.yaml", namespace("ok", Map.of(ENFORCE, "baseline"))),
                    PodSecurityAdmission.NAMESPACE_LABELS_RULE_ID);
            assertThat(valid.isCompliant()).isTrue();
        }

        @Test
        void theSecureAppsSampleNamespacePassesTheEnforceLabelRuleAtRestricted() throws Exception {
            Path sample = Path.of("../samples/k8s/good/namespace.yaml");
            assertThat(sample).as("the lesson's sample namespace").exists();
            Manifests m = ManifestLoader.defaults().load(sample);
            Report r = PodSecurityAdmission.namespacesMustEnforce(PssLevel.RESTRICTED).evaluate(m);
            assertThat(r.results()).singleElement().satisfies(res -> {
                assertThat(res.subject().name()).isEqualTo("secure-apps");
                assertThat(res.outcome()).isEqualTo(Outcome.PASS);
            });
            assertThat(Files.readString(sample)).contains(ENFORCE + ": restricted");
            assertThat(PodSecurityAdmission.builder().requireEnforceLabel(PssLevel.RESTRICTED).build().policy()
                    .evaluate(m).isCompliant()).isTrue();
        }

        @Test
        void missingLowAndInvalidEnforceLabelsFail() {
            String yaml = namespace("none", Map.of()) + "---\n"
                    + namespace("low", Map.of(ENFORCE, "baseline")) + "---\n"
                    + namespace("bad", Map.of(ENFORCE, "strict")) + "---\n"
                    + namespace("good", Map.of(ENFORCE, "restricted")) + "---\n"
                    + namespace("kube-system", Map.of());
            Manifests m = load("ns.yaml", yaml);
            Report r = PodSecurityAdmission.builder().exemptNamespaces("kube-system").build()
                    .namespaceEnforceLabelRule(PssLevel.RESTRICTED).evaluate(m);
            assertThat(r.results()).extracting(res -> res.subject().name() + "=" + res.outcome())
                    .containsExactly("none=FAIL", "low=FAIL", "bad=FAIL", "good=PASS");
            Violation none = r.violations().stream().filter(v -> v.subject().name().equals("none")).findFirst().orElseThrow();
            assertThat(none.ruleId()).isEqualTo("k8s.pss.namespace-enforce-label");
            assertThat(none.path()).hasToString("metadata.labels." + ENFORCE);
            // no labels at all: located at the metadata
            assertThat(none.location()).isEqualTo(at("ns.yaml", yaml, "metadata:"));
            Violation low = r.violations().stream().filter(v -> v.subject().name().equals("low")).findFirst().orElseThrow();
            assertThat(low.message()).isEqualTo("label " + ENFORCE + "=baseline is below restricted");
            assertThat(low.location().line()).isEqualTo(PssTestManifests.lineOf(yaml, ENFORCE + ": \"baseline\""));

            Report baseline = PodSecurityAdmission.namespacesMustEnforce(PssLevel.BASELINE).evaluate(m);
            assertThat(baseline.results()).extracting(res -> res.subject().name() + "=" + res.outcome())
                    .containsExactly("none=FAIL", "low=PASS", "bad=FAIL", "good=PASS", "kube-system=FAIL");
        }

        @Test
        void aNamespaceWithOtherLabelsIsLocatedAtItsLabels() {
            String yaml = namespace("team", Map.of("team", "a"));
            Report r = PodSecurityAdmission.namespacesMustEnforce(PssLevel.BASELINE).evaluate(load("t.yaml", yaml));
            assertThat(r.violations()).singleElement().satisfies(v ->
                    assertThat(v.location()).isEqualTo(at("t.yaml", yaml, "labels:")));
        }

        @Test
        void theConditionWorksInTheDsl() {
            Manifests m = load("ns.yaml", namespace("a", Map.of(ENFORCE, "privileged")) + "---\n"
                    + namespace("b", Map.of(ENFORCE, "restricted")));
            Report r = namespaceObjects().must(PodSecurityAdmission.enforceLabelAtLeast(PssLevel.BASELINE))
                    .withId("acme.ns").evaluate(m);
            assertThat(r.results()).extracting(res -> res.subject().name() + "=" + res.outcome())
                    .containsExactly("a=FAIL", "b=PASS");
            assertThat(r.rules()).singleElement().satisfies(info -> assertThat(info.description())
                    .isEqualTo("Namespace objects must carry a " + ENFORCE + " label of at least baseline"));
        }
    }
}
