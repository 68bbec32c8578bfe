package io.github.policydsl.k8s.network;

import io.github.policydsl.k8s.Manifests;
import org.junit.jupiter.api.Test;

import static io.github.policydsl.k8s.ClusterFixtures.load;
import static io.github.policydsl.k8s.ClusterFixtures.yaml;
import static io.github.policydsl.k8s.K8sRules.network;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReachabilityTest {

    @Test
    void lessonFrontendReachesBackendOn8080Only() {
        Manifests m = load("lesson-network.yaml");
        network(m).from("app=frontend").to("app=backend").on(8080).assertAllowed();
        assertThat(network(m).from("app=frontend").to("app=backend").on(9090).isDenied()).isTrue();
        assertThat(network(m).from("app=frontend").to("app=backend").on(8080, "UDP").isDenied()).isTrue();
        assertThat(network(m).from("app=reporting").to("app=backend").on(8080).isDenied()).isTrue();
        assertThat(network(m).fromIp("203.0.113.7").to("app=backend").on(8080).isDenied()).isTrue();
        // other pods in production are isolated: nothing reaches them
        assertThat(network(m).from(PodSelection.all()).to("app=reporting").on(8080).isDenied()).isTrue();
        assertThat(network(m).from("app=backend").to("app=frontend").on(8080).isDenied()).isTrue();
        // egress is not restricted
        assertThat(network(m).from("app=backend").toIp("8.8.8.8").on(53, "UDP").isAllowed()).isTrue();

        String text = network(m).from("app=frontend").to("app=backend").on(8080).explain() + "\n"
                + network(m).from("app=reporting").to("app=backend").on(8080).explain();
        System.out.println(text);
        assertThat(text).contains("ingress: allowed by NetworkPolicy production/allow-frontend-to-backend ingress[0]",
                "Deployment production/reporting -> Deployment production/backend on 8080/TCP: DENIED");
    }

    @Test
    void assertionsFailWithTheExplanation() {
        Manifests m = load("lesson-network.yaml");
        assertThatThrownBy(() -> network(m).from("app=reporting").to("app=backend").on(8080).assertAllowed())
                .isInstanceOf(AssertionError.class).hasMessageContaining("DENIED");
        assertThatThrownBy(() -> network(m).from("app=frontnd").to("app=backend").on(8080).isAllowed())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("selects no pod template");
    }

    private static String pod(String name, String ns, String labels, String ports) {
        return """
                apiVersion: v1
                kind: Pod
                metadata: {name: %s, namespace: %s, labels: {%s}}
                spec:
                  containers:
                    - name: c
                      image: example/app:1
                      ports: [%s]
                ---
                """.formatted(name, ns, labels, ports);
    }

    @Test
    void namedPortsResolveAgainstTheDestinationContainers() {
        Manifests m = yaml(pod("db", "data", "app: db", "{name: pg, containerPort: 5432}")
                + pod("api", "data", "app: api", "")
                + pod("legacy", "data", "app: legacy", "{name: pg, containerPort: 5433}")
                + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db, namespace: data}
                spec:
                  podSelector: {matchExpressions: [{key: app, operator: In, values: [db, legacy]}]}
                  ingress:
                    - from: [{podSelector: {matchLabels: {app: api}}}]
                      ports: [{port: pg}]
                """);
        assertThat(network(m).from("app=api").to("app=db").on(5432).isAllowed()).isTrue();
        assertThat(network(m).from("app=api").to("app=db").on(5433).isDenied()).isTrue();
        assertThat(network(m).from("app=api").to("app=legacy").on(5433).isAllowed()).as("same name, other number")
                .isTrue();
        assertThat(network(m).from("app=api").to("app=legacy").on(5432).isDenied()).isTrue();
    }

    private static final String CROSS_NAMESPACE = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: monitoring, labels: {team: platform}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: web, labels: {team: shop}}
            ---
            """;

    @Test
    void namespaceSelectorsUseNamespaceLabelsAndTheMetadataNameLabel() {
        Manifests m = yaml(CROSS_NAMESPACE
                + pod("prom", "monitoring", "app: prometheus", "")
                + pod("prom-web", "web", "app: prometheus", "")
                + pod("other", "staging", "app: prometheus", "")
                + pod("api", "data", "app: api", "{name: metrics, containerPort: 9100}")
                + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: metrics, namespace: data}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                        - namespaceSelector: {matchLabels: {team: platform}}
                          podSelector: {matchLabels: {app: prometheus}}
                        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: staging}}
                      ports: [{port: 9000, endPort: 9200, protocol: TCP}]
                """);
        assertThat(network(m).from(PodSelection.labelled("app=prometheus").inNamespace("monitoring")).to("app=api")
                .on(9100).isAllowed()).isTrue();
        assertThat(network(m).from(PodSelection.labelled("app=prometheus").inNamespace("web")).to("app=api")
                .on(9100).isDenied()).as("namespace label team=shop").isTrue();
        assertThat(network(m).from(PodSelection.labelled("app=prometheus").inNamespace("staging")).to("app=api")
                .on(9100).isAllowed()).as("kubernetes.io/metadata.name without a Namespace object").isTrue();
        assertThat(network(m).from(PodSelection.labelled("app=prometheus").inNamespace("monitoring")).to("app=api")
                .on(9201).isDenied()).as("beyond endPort").isTrue();
        assertThat(network(m).from(PodSelection.labelled("app=prometheus").inNamespace("monitoring")).to("app=api")
                .on(9000).isAllowed()).as("start of range").isTrue();
    }

    @Test
    void podSelectorAlonePeersAreInThePolicysNamespaceOnly() {
        Manifests m = yaml(pod("fe", "a", "app: frontend", "") + pod("fe2", "b", "app: frontend", "")
                + pod("be", "a", "app: backend", "")
                + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: be, namespace: a}
                spec:
                  podSelector: {matchLabels: {app: backend}}
                  ingress: [{from: [{podSelector: {matchLabels: {app: frontend}}}]}]
                """);
        assertThat(network(m).from(PodSelection.labelled("app=frontend").inNamespace("a")).to("app=backend").on(1)
                .isAllowed()).isTrue();
        assertThat(network(m).from(PodSelection.labelled("app=frontend").inNamespace("b")).to("app=backend").on(1)
                .isDenied()).isTrue();
    }

    @Test
    void egressIsImpliedOnlyByEgressRulesOrListedTypes() {
        String base = pod("a", "ns", "app: a", "") + pod("b", "ns", "app: b", "{containerPort: 80}");
        Manifests ingressOnly = yaml(base + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: ns}
                spec:
                  podSelector: {matchLabels: {app: a}}
                """);
        assertThat(network(ingressOnly).from("app=a").to("app=b").on(80).isAllowed())
                .as("no policyTypes and no egress rules: Ingress only").isTrue();
        Manifests egressRules = yaml(base + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: ns}
                spec:
                  podSelector: {matchLabels: {app: a}}
                  egress: [{to: [{podSelector: {matchLabels: {app: c}}}]}]
                """);
        assertThat(network(egressRules).from("app=a").to("app=b").on(80).isDenied())
                .as("egress rules imply Egress").isTrue();
        Manifests listed = yaml(base + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: ns}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                """);
        var verdict = network(listed).from("app=a").to("app=b").on(80).verdicts().get(0);
        assertThat(verdict.egressAllowed()).isFalse();
        assertThat(verdict.ingressAllowed()).isTrue();
    }

    @Test
    void ipBlockWithExcept() {
        Manifests m = yaml(pod("web", "ns", "app: web", "{containerPort: 443}") + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: ns}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                  ingress:
                    - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
                  egress:
                    - to: [{ipBlock: {cidr: "2001:db8::/32"}}]
                      ports: [{port: 53, protocol: UDP}]
                """);
        assertThat(network(m).fromIp("10.2.3.4").to("app=web").on(443).isAllowed()).isTrue();
        assertThat(network(m).fromIp("10.1.3.4").to("app=web").on(443).isDenied()).isTrue();
        assertThat(network(m).fromIp("192.168.0.1").to("app=web").on(443).isDenied()).isTrue();
        assertThat(network(m).fromIp("not-an-ip.example.com").to("app=web").on(443).isDenied()).isTrue();
        assertThat(network(m).from("app=web").toIp("2001:db8::1").on(53, "udp").isAllowed()).isTrue();
        assertThat(network(m).from("app=web").toIp("2001:db8::1").on(53).isDenied()).isTrue();
    }
}
