package io.github.policydsl.k8s.rbac;

import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.k8s.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.github.policydsl.k8s.ClusterFixtures.line;
import static io.github.policydsl.k8s.ClusterFixtures.load;
import static io.github.policydsl.k8s.ClusterFixtures.of;
import static io.github.policydsl.k8s.ClusterFixtures.yaml;
import static io.github.policydsl.k8s.K8sRules.roleBindings;
import static io.github.policydsl.k8s.K8sRules.roles;
import static io.github.policydsl.k8s.K8sRules.serviceAccount;
import static io.github.policydsl.k8s.K8sRules.serviceAccounts;
import static org.assertj.core.api.Assertions.assertThat;

class RbacPackTest {

    private static final String BAD = "bad-rbac.yaml";

    @Test
    void lessonPodReaderPassesThePack() {
        Report r = RbacPack.policy().evaluate(load("lesson-rbac.yaml"));
        assertThat(r.violations()).isEmpty();
        assertThat(r.summary().pass()).as("10 role rules on pod-reader, 3 binding rules on read-pods").isEqualTo(13);
    }

    /** Each role-level pattern: rule id, role name, the verb entry that grants it (needle and occurrence). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "k8s.rbac.wildcard-verbs|everything|verbs: [\"*\"]|1",
        "k8s.rbac.wildcard-resources|everything|resources: [\"*\"]|1",
        "k8s.rbac.wildcard-api-groups|everything|apiGroups: [\"*\"]|1",
        "k8s.rbac.secrets-read|secret-reader|verbs: [\"get\", \"list\"]|1",
        "k8s.rbac.workload-creation|deployer|verbs: [\"get\", \"create\"]|1",
        "k8s.rbac.pod-exec|debugger|verbs: [\"create\"]|1",
        "k8s.rbac.escalate-bind-impersonate|escalator|verbs: [\"bind\", \"escalate\"]|1",
        "k8s.rbac.nodes-proxy|node-proxy|verbs: [\"get\"]|1",
        "k8s.rbac.csr-approval|csr-approver|verbs: [\"update\"]|1",
        "k8s.rbac.admission-webhooks|webhook-admin|verbs: [\"create\", \"patch\"]|1",
    })
    void everyRolePatternIsFoundOnTheRuleLine(String id, String role, String needle, int occurrence) {
        Report r = RbacPack.policy().evaluate(load(BAD));
        List<Violation> v = of(r, id);
        assertThat(v).extracting(x -> x.subject().name()).contains(role);
        Violation first = v.stream().filter(x -> x.subject().name().equals(role)).findFirst().orElseThrow();
        assertThat(first.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(first.location().line()).isEqualTo(line(BAD, needle, occurrence));
        assertThat(first.path().toString()).startsWith("rules[");
    }

    @Test
    void wildcardRoleTripsEveryCapabilityRule() {
        Report r = RbacPack.policy().evaluate(load(BAD));
        for (String id : List.of(RbacPack.SECRETS_READ, RbacPack.POD_EXEC, RbacPack.NODES_PROXY,
                RbacPack.ESCALATE_BIND_IMPERSONATE, RbacPack.CSR_APPROVAL, RbacPack.ADMISSION_WEBHOOKS,
                RbacPack.WORKLOAD_CREATION)) {
            assertThat(of(r, id)).as(id).anySatisfy(v -> assertThat(v.subject().name()).isEqualTo("everything"));
        }
    }

    @Test
    void impersonateIsFoundOnItsOwnRule() {
        List<Violation> v = of(RbacPack.policy().evaluate(load(BAD)), RbacPack.ESCALATE_BIND_IMPERSONATE).stream()
                .filter(x -> x.subject().name().equals("escalator")).toList();
        assertThat(v).extracting(x -> x.path().toString())
                .containsExactly("rules[0].verbs[0]", "rules[1].verbs[0]");
        assertThat(v.get(1).message()).contains("impersonate on users,groups");
    }

    @Test
    void bindingsOfClusterAdminAndOfStarOnStar() {
        List<Violation> v = of(RbacPack.policy().evaluate(load(BAD)), RbacPack.CLUSTER_ADMIN_BINDING);
        assertThat(v).extracting(x -> x.subject().name()).containsExactly("ci-admin", "everything-to-ops");
        assertThat(v.get(0).location().line()).isEqualTo(line(BAD, "name: cluster-admin", 1));
        assertThat(v.get(0).path().toString()).isEqualTo("roleRef.name");
        assertThat(v.get(0).message()).contains("cluster-wide", "ServiceAccount build/ci");
        assertThat(v.get(1).location().line()).isEqualTo(line(BAD, "name: everything", 3));
        assertThat(v.get(1).message()).contains("grants * on *");
    }

    @Test
    void bindingsOfPublicGroupsAreFoundOnTheSubjectLine() {
        List<Violation> v = of(RbacPack.policy().evaluate(load(BAD)), RbacPack.PUBLIC_GROUP_BINDING);
        assertThat(v).extracting(x -> x.path().toString())
                .containsExactly("subjects[0].name", "subjects[1].name");
        assertThat(v.get(0).location().line()).isEqualTo(line(BAD, "name: system:authenticated", 1));
        assertThat(v.get(1).location().line()).isEqualTo(line(BAD, "name: system:anonymous", 1));
    }

    @ParameterizedTest
    @CsvSource({"Group,system:unauthenticated", "Group,system:masters", "User,system:anonymous"})
    void everyPublicGroupIsFlagged(String kind, String name) {
        Manifests m = yaml("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: b, namespace: ns}
                subjects: [{kind: %s, name: "%s"}]
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
                """.formatted(kind, name));
        assertThat(of(RbacPack.policy().evaluate(m), RbacPack.PUBLIC_GROUP_BINDING)).hasSize(1);
    }

    @Test
    void defaultServiceAccountBindingIsFound() {
        List<Violation> v = of(RbacPack.policy().evaluate(load(BAD)), RbacPack.DEFAULT_SERVICE_ACCOUNT_BINDING);
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.subject().name()).isEqualTo("default-reads-secrets");
            assertThat(x.location().line()).isEqualTo(line(BAD, "    name: default", 1));
            assertThat(x.message()).contains("namespace \"production\"");
        });
    }

    @Test
    void leastPrivilegeAssertionReportsEveryExcessGrantAtTheRule() {
        Manifests m = yaml("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: pod-reader, namespace: production}
                rules:
                  - {apiGroups: [""], resources: [pods], verbs: [get, watch, list]}
                  - {apiGroups: [""], resources: [pods/log, secrets], verbs: [get, delete]}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: read-pods, namespace: production}
                subjects: [{kind: ServiceAccount, name: monitoring-sa, namespace: production}]
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: all-sa-view}
                subjects: [{kind: Group, name: "system:serviceaccounts:production"}]
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: node-reader}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: node-reader}
                rules:
                  - {apiGroups: [""], resources: [nodes], verbs: [list]}
                """);
        Report r = serviceAccount("production/monitoring-sa").mayOnly("get,list,watch pods", "get pods/log")
                .withId("acme.monitoring-least-privilege").evaluate(m);
        List<Violation> v = r.violations();
        assertThat(v).hasSize(2);
        assertThat(v.get(0).message()).contains("delete pods/log", "get,delete secrets", "namespace \"production\"",
                "via RoleBinding production/read-pods -> Role pod-reader rules[1]");
        assertThat(v.get(0).path().toString()).isEqualTo("rules[1]");
        assertThat(v.get(0).location().line()).isEqualTo(6);
        assertThat(v.get(1).message()).contains("list nodes cluster-wide", "ClusterRoleBinding all-sa-view");
        assertThat(v.get(1).subject().name()).isEqualTo("node-reader");

        assertThat(serviceAccount("production/monitoring-sa")
                .mayOnly("get,list,watch pods", "get,delete pods/log", "get,delete secrets", "list nodes")
                .evaluate(m).violations()).isEmpty();
        assertThat(serviceAccounts().that().areNamed("monitoring-sa").must().mayOnly("get,list,watch pods")
                .evaluate(load("lesson-rbac.yaml")).isCompliant()).isTrue();
    }

    @Test
    void leastPrivilegeOnAnUnknownServiceAccountIsAnEmptySelection() {
        Report r = serviceAccount("production/typo").mayOnly("get pods").evaluate(load("lesson-rbac.yaml"));
        assertThat(r.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("no grants to"));
        assertThat(serviceAccount("production/typo").mayOnly("get pods").allowEmptyShould(true)
                .evaluate(load("lesson-rbac.yaml")).isCompliant()).isTrue();
    }

    @Test
    void dslReadsAsASentenceAndSelects() {
        var rule = roles().that().areOfKind("ClusterRole").must().notGrant("delete namespaces")
                .withId("acme.no-ns-delete");
        assertThat(rule.description()).isEqualTo(
                "roles that are of kind ClusterRole must not grant delete on namespaces");
        Report r = rule.evaluate(load(BAD));
        assertThat(r.violations()).extracting(v -> v.subject().name()).containsExactly("everything");
        assertThat(roleBindings().that().areInNamespace("production").must().notBindDefaultServiceAccount()
                .evaluate(load(BAD)).violations()).hasSize(1);
        assertThat(roles().mustNot().satisfy(RbacConditions.notUseWildcardVerbs()).description())
                .isEqualTo("roles must not not use wildcard verbs");
    }

    @Test
    void serviceAccountNotBound() {
        Report r = serviceAccounts().must().notBeBound().evaluate(load("lesson-rbac.yaml"));
        assertThat(r.violations()).singleElement().satisfies(v ->
                assertThat(v.message()).contains("RoleBinding read-pods"));
    }
}
