package io.github.policydsl.k8s.condition;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.github.policydsl.api.Rule;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.ManifestLoader;
import io.github.policydsl.k8s.packs.K8sHardening;
import io.github.policydsl.k8s.testing.K8sGenerators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static io.github.policydsl.k8s.K8sRules.containers;
import static io.github.policydsl.k8s.K8sRules.pods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every hardening condition: pass, fail, absent field, pod vs container level, slots and controller kinds. */
class HardeningConditionsTest {

    private static final ManifestLoader LOADER = ManifestLoader.defaults();

    /** A pod with one container; {@code podSc} and {@code containerSc} are inserted as YAML lines. */
    private static Manifests pod(String podExtra, String containerExtra) {
        String yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: prod\nspec:\n"
                + indent(podExtra, 2)
                + "  containers:\n    - name: app\n      image: nginx:1.27\n"
                + indent(containerExtra, 6);
        Manifests m = LOADER.loadString("pod.yaml", yaml);
        assertThat(m.errors()).as(yaml).isEmpty();
        return m;
    }

    private static String indent(String s, int n) {
        if (s.isEmpty()) {
            return "";
        }
        String pad = " ".repeat(n);
        return pad + s.replace("\n", "\n" + pad) + "\n";
    }

    private static RuleResult only(Rule<Manifests> rule, Manifests m) {
        Report r = rule.evaluate(m);
        assertThat(r.results()).hasSize(1);
        return r.results().get(0);
    }

    @Test
    void runAsNonRootPassesFromPodLevel() {
        RuleResult r = only(pods().must().runAsNonRoot(), pod("securityContext:\n  runAsNonRoot: true", ""));
        assertThat(r.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void runAsNonRootAbsentFailsAtContainerField() {
        RuleResult r = only(pods().must().runAsNonRoot(), pod("", ""));
        assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        Violation v = r.violations().get(0);
        assertThat(v.path()).hasToString("spec.containers[0].securityContext.runAsNonRoot");
        assertThat(v.location().line()).isEqualTo(8);
        assertThat(v.message()).contains("unset on the container and the pod");
    }

    @Test
    void containerLevelOverridesPodLevel() {
        RuleResult r = only(pods().must().runAsNonRoot(),
                pod("securityContext:\n  runAsNonRoot: true", "securityContext:\n  runAsNonRoot: false"));
        assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(r.violations().get(0).path()).hasToString("spec.containers[0].securityContext.runAsNonRoot");
        assertThat(r.violations().get(0).location().line()).isEqualTo(13);
        RuleResult ok = only(pods().must().runAsNonRoot(),
                pod("securityContext:\n  runAsNonRoot: false", "securityContext:\n  runAsNonRoot: true"));
        assertThat(ok.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void podLevelFalseIsTheFieldToChange() {
        RuleResult r = only(pods().must().runAsNonRoot(), pod("securityContext:\n  runAsNonRoot: false", ""));
        assertThat(r.violations().get(0).path()).hasToString("spec.securityContext.runAsNonRoot");
        assertThat(r.violations().get(0).location().line()).isEqualTo(8);
        assertThat(r.violations().get(0).message()).contains("false (set on the pod)");
    }

    @Test
    void runAsUserZero() {
        assertThat(only(pods().must().notRunAsUid0(), pod("", "")).outcome()).isEqualTo(Outcome.PASS);
        assertThat(only(pods().must().notRunAsUid0(), pod("securityContext:\n  runAsUser: 0", "")).outcome())
                .isEqualTo(Outcome.FAIL);
        assertThat(only(pods().must().notRunAsUid0(),
                pod("securityContext:\n  runAsUser: 0", "securityContext:\n  runAsUser: 1000")).outcome())
                .isEqualTo(Outcome.PASS);
        RuleResult r = only(pods().must().notRunAsUid0(), pod("", "securityContext:\n  runAsUser: 0"));
        assertThat(r.violations().get(0).path()).hasToString("spec.containers[0].securityContext.runAsUser");
    }

    @Test
    void seccomp() {
        Rule<Manifests> rule = pods().must().useSeccompProfile();
        assertThat(only(rule, pod("", "")).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(only(rule, pod("securityContext:\n  seccompProfile:\n    type: RuntimeDefault", "")).outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(only(rule, pod("", "securityContext:\n  seccompProfile:\n    type: Localhost\n    localhostProfile: p"))
                .outcome()).isEqualTo(Outcome.PASS);
        RuleResult unconfined = only(rule, pod("securityContext:\n  seccompProfile:\n    type: RuntimeDefault",
                "securityContext:\n  seccompProfile:\n    type: Unconfined"));
        assertThat(unconfined.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(unconfined.violations().get(0).path())
                .hasToString("spec.containers[0].securityContext.seccompProfile.type");
        assertThat(unconfined.violations().get(0).location().line()).isEqualTo(15);
    }

    @Test
    void privilegeEscalation() {
        Rule<Manifests> rule = pods().must().notAllowPrivilegeEscalation();
        assertThat(only(rule, pod("", "")).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(only(rule, pod("", "securityContext:\n  allowPrivilegeEscalation: false")).outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(only(rule, pod("", "securityContext:\n  allowPrivilegeEscalation: false\n  privileged: true"))
                .outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void readOnlyRootFilesystemDropAllAndPrivileged() {
        assertThat(only(pods().must().haveReadOnlyRootFilesystem(), pod("", "")).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(only(pods().must().haveReadOnlyRootFilesystem(), pod("", "securityContext:\n  readOnlyRootFilesystem: true"))
                .outcome()).isEqualTo(Outcome.PASS);
        assertThat(only(pods().must().dropAll(), pod("", "securityContext:\n  capabilities:\n    drop: [NET_RAW]")).outcome())
                .isEqualTo(Outcome.FAIL);
        assertThat(only(pods().must().dropAll(), pod("", "securityContext:\n  capabilities:\n    drop: [ALL]")).outcome())
                .isEqualTo(Outcome.PASS);
        RuleResult priv = only(pods().must().notBePrivileged(), pod("", "securityContext:\n  privileged: yes"));
        assertThat(priv.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(priv.violations().get(0).location().line()).isEqualTo(11);
        assertThat(only(pods().must().notBePrivileged(), pod("", "")).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void hostNamespaces() {
        RuleResult r = only(pods().must().notShareHostNamespaces(), pod("hostPID: true\nhostIPC: on", ""));
        assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(r.violations()).extracting(v -> v.path().toString()).containsExactly("spec.hostPID", "spec.hostIPC");
        assertThat(only(pods().must().notUseHostNetwork(), pod("hostNetwork: false", "")).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void resourcesLimitsAndDefaultedRequests() {
        String limits = "resources:\n  limits:\n    cpu: 500m\n    memory: 256Mi";
        assertThat(only(pods().must().haveResourceLimits(), pod("", "")).violations()).hasSize(2);
        assertThat(only(pods().must().haveResourceLimits(), pod("", limits)).outcome()).isEqualTo(Outcome.PASS);
        // the API server defaults requests to limits
        assertThat(only(pods().must().haveResourceRequests(), pod("", limits)).outcome()).isEqualTo(Outcome.PASS);
        RuleResult noReq = only(pods().must().haveResourceRequests(), pod("", "resources:\n  limits:\n    cpu: 1"));
        assertThat(noReq.violations()).singleElement()
                .satisfies(v -> assertThat(v.path()).hasToString("spec.containers[0].resources.requests.memory"));
    }

    @Test
    void imagePinning() {
        Map<String, Outcome> digest = Map.of("nginx:1.27", Outcome.FAIL, "nginx", Outcome.FAIL,
                "nginx@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945", Outcome.PASS);
        Map<String, Outcome> latest = Map.of("nginx:1.27", Outcome.PASS, "nginx", Outcome.FAIL, "nginx:latest",
                Outcome.FAIL, "registry:5000/nginx", Outcome.FAIL, "registry:5000/nginx:2", Outcome.PASS,
                "nginx:latest-alpine", Outcome.PASS, "nginx:LATEST", Outcome.PASS,
                "nginx:latest@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945", Outcome.PASS);
        digest.forEach((image, expected) -> assertThat(only(pods().must().useImagePinnedByDigest(), withImage(image))
                .outcome()).as(image).isEqualTo(expected));
        latest.forEach((image, expected) -> assertThat(only(pods().must().notUseLatestTag(), withImage(image))
                .outcome()).as(image).isEqualTo(expected));
    }

    /** The hand-written digest scan agrees with the regular expression it replaced, on strings built near its grammar. */
    @Test
    void digestScanAgreesWithTheRegularExpression() {
        java.util.regex.Pattern digest = java.util.regex.Pattern.compile("@[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}");
        String[] pieces = {"@", ":", "sha256", "sha", "a", "0", "Z", ".", "+", "_", "-", "/", "nginx", "x@",
            "4f53cda18c2baa0c", "4F53CDA18C2BAA0C", "4f53cda18c2baa0", "g", " ", "@sha256:",
            "4f53cda18c2baa0c4F53CDA18C2BAA0c", "4f53cda18c2baa0c4F53CDA18C2BAA0"};
        java.util.Random random = new java.util.Random(2026);
        int digests = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(9); n > 0; n--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String image = sb.toString();
            boolean expected = false;
            for (int at = image.indexOf('@'); at >= 0 && !expected; at = image.indexOf('@', at + 1)) {
                expected = digest.matcher(image).region(at, image.length()).lookingAt();
            }
            assertThat(ContainerConditions.hasDigest(image)).as(image).isEqualTo(expected);
            digests += expected ? 1 : 0;
        }
        assertThat(digests).as("strings with a digest among the generated ones").isGreaterThan(1_000);
        assertThat(ContainerConditions.hasDigest("r/a@sha256+x.y_z-1:" + "0".repeat(32) + "!")).isTrue();
        assertThat(ContainerConditions.hasDigest("a@sha256:" + "0".repeat(31))).isFalse();
        assertThat(ContainerConditions.hasDigest("a@sha256..x:" + "0".repeat(40))).isFalse();
        assertThat(ContainerConditions.hasDigest("a@-x:" + "0".repeat(40))).isFalse();
        assertThat(ContainerConditions.hasDigest("a@x-:" + "0".repeat(40))).isFalse();
        assertThat(ContainerConditions.hasDigest("a@:" + "0".repeat(40))).isFalse();
        assertThat(ContainerConditions.hasDigest("a@@x:" + "0".repeat(40))).isTrue();
    }

    private static Manifests withImage(String image) {
        return LOADER.loadString("i.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
                + "    - {name: a, image: \"" + image + "\"}\n");
    }

    @Test
    void automountInheritsFromServiceAccountInTheSameNamespace() {
        String pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: prod}\nspec:\n  serviceAccountName: app\n"
                + "  containers: [{name: a, image: x}]\n";
        String sa = "---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app, namespace: prod}\n"
                + "automountServiceAccountToken: false\n";
        String otherNs = sa.replace("namespace: prod", "namespace: other");
        Rule<Manifests> rule = pods().must().notAutomountServiceAccountToken();
        assertThat(only(rule, LOADER.loadString("a.yaml", pod + sa)).outcome()).isEqualTo(Outcome.PASS);
        assertThat(only(rule, LOADER.loadString("a.yaml", pod + otherNs)).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(only(rule, LOADER.loadString("a.yaml", pod)).outcome()).isEqualTo(Outcome.FAIL);
        // the pod's own value wins over its ServiceAccount's
        String podTrue = pod.replace("  serviceAccountName: app\n", "  serviceAccountName: app\n  automountServiceAccountToken: true\n");
        RuleResult r = only(rule, LOADER.loadString("a.yaml", podTrue + sa));
        assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(r.violations().get(0).location().line()).isEqualTo(6);
    }

    @Test
    void runtimeClass() {
        Rule<Manifests> rule = pods().that().haveLabel("security", "high").must().useRuntimeClass("gvisor", "kata");
        Manifests m = LOADER.loadString("rc.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: a, labels: {security: high}}\n"
                + "spec: {runtimeClassName: gvisor, containers: [{name: a, image: x}]}\n---\n"
                + "apiVersion: v1\nkind: Pod\nmetadata: {name: b, labels: {security: high}}\n"
                + "spec: {containers: [{name: a, image: x}]}\n---\n"
                + "apiVersion: v1\nkind: Pod\nmetadata: {name: c}\nspec: {containers: [{name: a, image: x}]}\n");
        Report r = rule.evaluate(m);
        assertThat(r.results()).extracting(x -> x.subject().name() + "=" + x.outcome()).containsExactly("a=PASS", "b=FAIL");
        assertThat(rule.description()).isEqualTo("pods that have label security=high must use runtime class gvisor or kata");
    }

    @Test
    void everyContainerSlotIsChecked() {
        Manifests m = LOADER.loadString("slots.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  initContainers:
                    - {name: init, image: x, securityContext: {privileged: true}}
                  containers:
                    - {name: app, image: x}
                  ephemeralContainers:
                    - {name: debug, image: x, securityContext: {privileged: true}}
                """);
        RuleResult r = only(pods().must().notBePrivileged(), m);
        assertThat(r.violations()).extracting(v -> v.path().toString()).containsExactly(
                "spec.initContainers[0].securityContext.privileged",
                "spec.ephemeralContainers[0].securityContext.privileged");
        Report perContainer = containers().must().notBePrivileged().evaluate(m);
        assertThat(perContainer.results()).extracting(x -> x.subject().container() + "=" + x.outcome())
                .containsExactlyInAnyOrder("init=FAIL", "app=PASS", "debug=FAIL");
        Report initOnly = containers().that().areInitContainers().must().notBePrivileged().evaluate(m);
        assertThat(initOnly.results()).singleElement().satisfies(x -> assertThat(x.subject().container()).isEqualTo("init"));
    }

    @Test
    void ephemeralContainersAreSkippedForResources() {
        Manifests m = LOADER.loadString("eph.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
                + "  containers: [{name: a, image: x, resources: {limits: {cpu: 1, memory: 1Gi}}}]\n"
                + "  ephemeralContainers: [{name: d, image: x}]\n");
        assertThat(only(pods().must().haveResourceLimits(), m).outcome()).isEqualTo(Outcome.PASS);
        Report eph = containers().that().areEphemeralContainers().must().haveResourceLimits().evaluate(m);
        assertThat(eph.results()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.SKIP));
    }

    static List<String> kinds() {
        return K8sGenerators.workloadKinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyControllerKindIsAPodTemplateWithItsOwnPath(String kind) {
        PodSpec spec = new PodSpec();
        io.fabric8.kubernetes.api.model.Container c = new io.fabric8.kubernetes.api.model.Container();
        c.setName("app");
        c.setImage("nginx:1.27");
        spec.setContainers(List.of(c));
        ObjectMeta meta = new ObjectMeta();
        meta.setName("w");
        meta.setNamespace("prod");
        HasMetadata o = K8sGenerators.wrap(kind, meta, spec);
        // through YAML, so that the loader and positions are exercised for every kind
        Manifests m = LOADER.loadString(kind + ".yaml", K8sGenerators.toYaml(o));
        assertThat(m.errors()).isEmpty();
        RuleResult r = only(pods().must().runAsNonRoot(), m);
        assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        String prefix = switch (kind) {
            case "Pod" -> "spec";
            case "CronJob" -> "spec.jobTemplate.spec.template.spec";
            default -> "spec.template.spec";
        };
        Violation v = r.violations().get(0);
        assertThat(v.path()).hasToString(prefix + ".containers[0].securityContext.runAsNonRoot");
        assertThat(v.location().line()).isPositive();
        assertThat(v.subject().kind()).isEqualTo(kind);
    }

    @Test
    void workloadsOfOldApiVersionsAreStillChecked() {
        Manifests m = LOADER.loadString("old.yaml", """
                apiVersion: extensions/v1beta1
                kind: Deployment
                metadata: {name: legacy, namespace: prod}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: nginx:1.27
                          securityContext: {privileged: true}
                """);
        assertThat(m.errors()).isEmpty();
        RuleResult r = only(pods().must().notBePrivileged(), m);
        assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(r.violations().get(0).location().line()).isEqualTo(10);
        assertThat(r.subject().apiVersion()).isEqualTo("extensions/v1beta1");
    }

    @Test
    void theUsersOwnExampleCompilesAndWorks() {
        Rule<Manifests> rule = pods().must().runAsNonRoot().dropAll();
        assertThat(rule.description()).isEqualTo("pods must run as non-root and drop all capabilities");
        Manifests good = pod("securityContext:\n  runAsNonRoot: true", "securityContext:\n  capabilities:\n    drop: [ALL]");
        rule.check(good);
        assertThatThrownBy(() -> rule.check(pod("", ""))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("pod.yaml:8:7: FAIL MEDIUM")
                .hasMessageContaining("may run as root")
                .hasMessageContaining("keeps the runtime's default capabilities");
    }

    @Test
    void theLessonsSecurePodPassesTheWholePack() {
        Manifests m = LOADER.load(java.nio.file.Path.of("../samples/k8s/good/secure-pod.yaml"));
        assertThat(m.errors()).isEmpty();
        Report r = K8sHardening.policy().evaluate(m);
        assertThat(r.violations()).isEmpty();
        assertThat(r.summary().pass()).isEqualTo(K8sHardening.policy().rules().size());
    }

    @Test
    void everyPackRuleHasIdSeverityAndRemediation() {
        assertThat(K8sHardening.policy().rules()).hasSize(13).allSatisfy(rule -> {
            assertThat(rule.id()).startsWith("k8s.");
            assertThat(rule.remediation()).isNotBlank();
        });
    }
}
