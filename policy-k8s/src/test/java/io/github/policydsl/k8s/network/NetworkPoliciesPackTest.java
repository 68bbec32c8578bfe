package io.github.policydsl.k8s.network;

import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.k8s.Manifests;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.policydsl.k8s.ClusterFixtures.line;
import static io.github.policydsl.k8s.ClusterFixtures.load;
import static io.github.policydsl.k8s.ClusterFixtures.of;
import static io.github.policydsl.k8s.ClusterFixtures.yaml;
import static io.github.policydsl.k8s.K8sRules.namespaces;
import static org.assertj.core.api.Assertions.assertThat;

class NetworkPoliciesPackTest {

    @Test
    void lessonPairPassesExceptTheEgressRecommendation() {
        Report r = NetworkPoliciesPack.policy().evaluate(load("lesson-network.yaml"));
        assertThat(r.violations()).extracting(Violation::ruleId, Violation::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NetworkPoliciesPack.DEFAULT_DENY_EGRESS,
                        Outcome.WARN));
        assertThat(r.summary().fail()).isZero();
    }

    private static final String BAD = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: cart
              namespace: shop
              labels:
                app: cart
            spec:
              containers: [{name: c, image: example/cart:1}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: orphan
              namespace: loose
            spec:
              containers: [{name: c, image: example/orphan:1}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: open-door
              namespace: shop
            spec:
              podSelector:
                matchLabels: {app: cart}
              ingress:
                - {}
                - from:
                    - ipBlock: {cidr: 0.0.0.0/0}
                - from:
                    - ipBlock: {cidr: 0.0.0.0/0}
                  ports: [{port: 443}]
            """;

    @Test
    void missingDefaultDenyIsReportedOnTheNamespaceOrTheFirstWorkload() {
        Manifests m = yaml(BAD);
        Report r = NetworkPoliciesPack.policy().evaluate(m);
        List<Violation> v = of(r, NetworkPoliciesPack.DEFAULT_DENY_INGRESS);
        assertThat(v).extracting(x -> x.subject().name()).containsExactly("shop", "loose");
        Violation loose = v.get(1);
        assertThat(loose.location().line()).as("nearest node of metadata.namespace of the pod")
                .isEqualTo(lineOf("namespace: loose"));
        Violation shop = v.get(0);
        assertThat(shop.location().line()).isEqualTo(lineOf("  name: shop"));
        assertThat(shop.message()).contains("add one to namespace \"shop\"");
        assertThat(of(r, NetworkPoliciesPack.DEFAULT_DENY_EGRESS)).extracting(Violation::outcome)
                .containsOnly(Outcome.WARN).hasSize(2);
    }

    @Test
    void podsNotSelectedByAnyPolicyAreReported() {
        List<Violation> v = of(NetworkPoliciesPack.policy().evaluate(yaml(BAD)), NetworkPoliciesPack.POD_SELECTED);
        assertThat(v).extracting(x -> x.subject().name()).containsExactly("orphan");
        assertThat(v.get(0).path().toString()).isEqualTo("metadata.labels");
    }

    @Test
    void allowAllIngressIsReportedAtTheRule() {
        List<Violation> v = of(NetworkPoliciesPack.policy().evaluate(yaml(BAD)),
                NetworkPoliciesPack.NO_ALLOW_ALL_INGRESS);
        assertThat(v).extracting(x -> x.path().toString()).containsExactly("spec.ingress[0]", "spec.ingress[1]");
        assertThat(v.get(0).location().line()).isEqualTo(lineOf("- {}"));
    }

    @Test
    void defaultDenyEgressAsASeparateMustRule() {
        Manifests m = yaml(BAD + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny, namespace: shop}
                spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
                """);
        Report r = namespaces().thatRunWorkloads().must().haveDefaultDenyEgress().evaluate(m);
        assertThat(r.violations()).extracting(x -> x.subject().name()).containsExactly("loose");
        assertThat(namespaces().thatRunWorkloads().must().haveDefaultDenyIngress().description())
                .isEqualTo("namespaces that run workloads must have a default-deny ingress NetworkPolicy");
    }

    private static int lineOf(String needle) {
        String[] lines = BAD.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(needle);
    }

    @Test
    void lessonFileLinesForDefaultDeny() {
        assertThat(line("lesson-network.yaml", "name: default-deny-ingress", 1)).isPositive();
    }
}
