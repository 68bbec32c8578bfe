package io.github.policydsl.k8s.rbac;

import io.github.policydsl.k8s.Manifests;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.policydsl.k8s.ClusterFixtures.load;
import static io.github.policydsl.k8s.ClusterFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RbacGraphTest {

    private static final Principal MONITORING = Principal.serviceAccount("production", "monitoring-sa");

    @Test
    void lessonPodReaderGrantsReadOnPodsInItsNamespaceOnly() {
        RbacGraph g = RbacGraph.of(load("lesson-rbac.yaml"));
        AccessRequest getPods = AccessRequest.parse("get pods").in("production");
        assertThat(g.can(Principal.user("jane"), getPods)).isTrue();
        assertThat(g.can(MONITORING, AccessRequest.parse("list pods").in("production"))).isTrue();
        assertThat(g.can(MONITORING, AccessRequest.parse("delete pods").in("production"))).isFalse();
        assertThat(g.can(MONITORING, AccessRequest.parse("get pods").in("staging"))).isFalse();
        assertThat(g.can(MONITORING, AccessRequest.parse("get pods"))).as("cluster-wide").isFalse();
        assertThat(g.can(MONITORING, AccessRequest.parse("get pods/log").in("production")))
                .as("a subresource needs its own rule").isFalse();
        assertThat(g.can(MONITORING, AccessRequest.parse("get secrets").in("production"))).isFalse();
        assertThat(g.principalsWhoCan(getPods)).containsExactly(Principal.user("jane"), MONITORING);
    }

    @Test
    void whoCanPrintsForTheLessonManifests() {
        RbacGraph g = RbacGraph.of(load("lesson-rbac.yaml"));
        StringBuilder out = new StringBuilder();
        for (String q : List.of("get pods", "create pods/exec", "get secrets")) {
            AccessRequest r = AccessRequest.parse(q).in("production");
            out.append("who can ").append(r.display()).append(":\n");
            List<Grant> who = g.whoCan(r);
            if (who.isEmpty()) {
                out.append("  (nobody)\n");
            }
            for (Grant gr : who) {
                out.append("  ").append(gr.display()).append('\n');
            }
        }
        out.append("what can ").append(MONITORING.display()).append(" do:\n");
        g.grantsTo(MONITORING).forEach(gr -> out.append("  ").append(gr.display()).append('\n'));
        System.out.print(out);
        assertThat(out.toString()).contains(
                "User jane may get,watch,list pods in namespace \"production\" via RoleBinding production/read-pods"
                        + " -> Role pod-reader rules[0]",
                "who can create pods/exec in namespace \"production\":\n  (nobody)");
    }

    private static final String AGGREGATION = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: monitoring}
            aggregationRule:
              clusterRoleSelectors:
                - matchLabels: {rbac.example.com/aggregate-to-monitoring: "true"}
            rules: []
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: monitoring-endpoints
              labels: {rbac.example.com/aggregate-to-monitoring: "true"}
            rules:
              - {apiGroups: [""], resources: [services, endpoints, pods], verbs: [get, list, watch]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: monitoring-nested
              labels: {rbac.example.com/aggregate-to-monitoring: "true"}
            aggregationRule:
              clusterRoleSelectors:
                - matchExpressions:
                    - {key: tier, operator: In, values: [metrics, logs]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: metrics-reader
              labels: {tier: metrics}
            rules:
              - {apiGroups: [metrics.k8s.io], resources: [pods], verbs: [get]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: unrelated
              labels: {tier: frontend}
            rules:
              - {apiGroups: [""], resources: [secrets], verbs: [get]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: monitoring}
            subjects: [{kind: ServiceAccount, name: prometheus, namespace: monitoring}]
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: monitoring}
            """;

    @Test
    void aggregatedClusterRoleCollectsLabelledRolesTransitively() {
        Manifests m = yaml(AGGREGATION);
        RbacGraph g = RbacGraph.of(m);
        Principal prom = Principal.serviceAccount("monitoring", "prometheus");
        assertThat(g.can(prom, AccessRequest.parse("list endpoints").in("any"))).isTrue();
        assertThat(g.can(prom, AccessRequest.parse("get pods.metrics.k8s.io").in("any")))
                .as("via matchExpressions of a nested aggregated role").isTrue();
        assertThat(g.can(prom, AccessRequest.parse("get secrets").in("any"))).as("unlabelled role").isFalse();
        assertThat(g.grantsTo(prom)).extracting(gr -> gr.ruleSource().name())
                .containsExactlyInAnyOrder("monitoring-endpoints", "metrics-reader");
        assertThat(g.grantsTo(prom)).allSatisfy(gr -> assertThat(gr.via()).contains("aggregated from"));
    }

    @Test
    void aggregationCycleTerminates() {
        Manifests m = yaml("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: a, labels: {agg: b}}
                aggregationRule: {clusterRoleSelectors: [{matchLabels: {agg: a}}]}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: b, labels: {agg: a}}
                aggregationRule: {clusterRoleSelectors: [{matchLabels: {agg: b}}]}
                """);
        assertThat(RbacGraph.of(m).grants()).isEmpty();
    }

    private static final String SCOPES = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: secret-reader}
            rules:
              - {apiGroups: [""], resources: [secrets], verbs: [get, list]}
              - {apiGroups: [""], resources: [configmaps], resourceNames: [app-config], verbs: [get]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: read-secrets, namespace: team-a}
            subjects:
              - {kind: ServiceAccount, name: app}
              - {kind: Group, name: "system:serviceaccounts:team-c"}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: auditors}
            subjects:
              - {kind: User, name: "system:serviceaccount:audit:scanner"}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: dangling, namespace: team-a}
            subjects: [{kind: User, name: bob}]
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: does-not-exist}
            """;

    @Test
    void roleBindingToClusterRoleGrantsOnlyInTheBindingsNamespace() {
        RbacGraph g = RbacGraph.of(yaml(SCOPES));
        Principal app = Principal.serviceAccount("team-a", "app");
        assertThat(g.can(app, AccessRequest.parse("get secrets").in("team-a"))).isTrue();
        assertThat(g.can(app, AccessRequest.parse("get secrets").in("team-b"))).isFalse();
        assertThat(g.can(app, AccessRequest.parse("list secrets"))).as("all namespaces").isFalse();
        assertThat(g.can(Principal.serviceAccount("team-b", "app"), AccessRequest.parse("get secrets").in("team-a")))
                .as("a ServiceAccount subject without namespace is in the RoleBinding's namespace").isFalse();
    }

    @Test
    void clusterRoleBindingGrantsEverywhereAndMatchesServiceAccountUserNames() {
        RbacGraph g = RbacGraph.of(yaml(SCOPES));
        Principal scanner = Principal.serviceAccount("audit", "scanner");
        assertThat(g.can(scanner, AccessRequest.parse("list secrets"))).isTrue();
        assertThat(g.can(scanner, AccessRequest.parse("get secrets").in("kube-system"))).isTrue();
        assertThat(g.whoCan(AccessRequest.parse("list secrets"))).extracting(Grant::principal)
                .containsExactly(Principal.user("system:serviceaccount:audit:scanner"));
    }

    @Test
    void serviceAccountNamespaceGroupsApply() {
        RbacGraph g = RbacGraph.of(yaml(SCOPES));
        assertThat(g.can(Principal.serviceAccount("team-c", "worker"), AccessRequest.parse("get secrets").in("team-a")))
                .isTrue();
        assertThat(g.can(Principal.serviceAccount("team-d", "worker"), AccessRequest.parse("get secrets").in("team-a")))
                .isFalse();
        assertThat(g.can(Principal.user("system:serviceaccounts:team-c"), AccessRequest.parse("get secrets").in("team-a")))
                .as("a user is not a group").isFalse();
    }

    @Test
    void resourceNamesRestrictToNamedObjectsAndNotCollections() {
        RbacGraph g = RbacGraph.of(yaml(SCOPES));
        Principal app = Principal.serviceAccount("team-a", "app");
        assertThat(g.can(app, AccessRequest.parse("get configmaps").in("team-a").named("app-config"))).isTrue();
        assertThat(g.can(app, AccessRequest.parse("get configmaps").in("team-a").named("other"))).isFalse();
        assertThat(g.can(app, AccessRequest.parse("get configmaps").in("team-a"))).isFalse();
    }

    @Test
    void unresolvedRoleRefsAreListedAndGrantNothing() {
        Manifests m = yaml(SCOPES);
        RbacGraph g = RbacGraph.of(m);
        assertThat(g.unresolvedBindings()).extracting(r -> r.name()).containsExactly("dangling");
        assertThat(g.grantsTo(Principal.user("bob"))).isEmpty();
    }

    @Test
    void subresourcesAndWildcards() {
        RbacGraph g = RbacGraph.of(yaml("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: r, namespace: ns}
                rules:
                  - {apiGroups: [""], resources: [pods/exec], verbs: [create]}
                  - {apiGroups: ["*"], resources: ["*/scale"], verbs: [update]}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: b, namespace: ns}
                subjects: [{kind: User, name: dev}]
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}
                """));
        Principal dev = Principal.user("dev");
        assertThat(g.can(dev, AccessRequest.parse("create pods/exec").in("ns"))).isTrue();
        assertThat(g.can(dev, AccessRequest.parse("get pods").in("ns"))).isFalse();
        assertThat(g.can(dev, AccessRequest.parse("update deployments.apps/scale").in("ns"))).isTrue();
        assertThat(g.can(dev, AccessRequest.parse("update deployments.apps").in("ns"))).isFalse();
        assertThat(g.can(Principal.group("system:authenticated"), AccessRequest.parse("create pods/exec").in("ns")))
                .isFalse();
    }

    @Test
    void builtInClusterAdminIsKnown() {
        RbacGraph g = RbacGraph.of(load("bad-rbac.yaml"));
        Principal ci = Principal.serviceAccount("build", "ci");
        assertThat(g.can(ci, AccessRequest.parse("delete namespaces"))).isTrue();
        assertThat(g.grantsTo(ci)).allSatisfy(gr -> assertThat(gr.ruleSource()).isNull());
        assertThat(g.unresolvedBindings()).extracting(r -> r.name()).containsExactly("public-view");
    }

    @Test
    void principalParsing() {
        assertThat(Principal.parse("production/monitoring-sa")).isEqualTo(MONITORING);
        assertThat(Principal.parse("system:serviceaccount:production:monitoring-sa")).isEqualTo(MONITORING);
        assertThat(Principal.parse("user:jane")).isEqualTo(Principal.user("jane"));
        assertThat(Principal.parse("group:ops")).isEqualTo(Principal.group("ops"));
        assertThatThrownBy(() -> Principal.parse("nobody")).isInstanceOf(IllegalArgumentException.class);
        assertThat(MONITORING.groups()).containsExactly("system:serviceaccounts", "system:serviceaccounts:production",
                "system:authenticated");
        assertThat(Principal.user("system:anonymous").groups()).containsExactly("system:unauthenticated");
    }

    @Test
    void accessRequestParsing() {
        AccessRequest r = AccessRequest.parse("update certificatesigningrequests.certificates.k8s.io/approval");
        assertThat(r.resource()).isEqualTo("certificatesigningrequests");
        assertThat(r.apiGroup()).isEqualTo("certificates.k8s.io");
        assertThat(r.subresource()).isEqualTo("approval");
        assertThatThrownBy(() -> AccessRequest.parse("get")).isInstanceOf(IllegalArgumentException.class);
    }
}
