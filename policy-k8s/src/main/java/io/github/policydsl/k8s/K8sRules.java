package io.github.policydsl.k8s;

import io.github.policydsl.api.SubjectSource;
import io.github.policydsl.api.syntax.RuleDefinition;
import io.github.policydsl.api.syntax.RuleSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.github.policydsl.k8s.secrets.SecretRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.github.policydsl.k8s.network.GivenNamespaces;
import io.github.policydsl.k8s.network.NamespaceSubject;
import io.github.policydsl.k8s.network.Network;
import io.github.policydsl.k8s.network.NetworkPolicyRule;
import io.github.policydsl.k8s.rbac.BindingRule;
import io.github.policydsl.k8s.rbac.BindingSubject;
import io.github.policydsl.k8s.rbac.GivenGrants;
import io.github.policydsl.k8s.rbac.Grant;
import io.github.policydsl.k8s.rbac.Principal;
import io.github.policydsl.k8s.rbac.RbacGraph;
import io.github.policydsl.k8s.rbac.RoleRule;
import io.github.policydsl.k8s.rbac.RoleSubject;
import io.github.policydsl.k8s.rbac.ServiceAccountRule;
import io.github.policydsl.k8s.syntax.GivenContainers;
import io.github.policydsl.k8s.syntax.GivenObjects;
import io.github.policydsl.k8s.syntax.GivenPods;
import io.github.policydsl.k8s.syntax.ResourceSubject;

import java.util.List;

/**
 * Entry points of the Kubernetes DSL. Import statically:
 *
 * <pre>{@code
 * import static io.github.policydsl.k8s.K8sRules.pods;
 *
 * Rule<Manifests> rule = pods().that().areInNamespace("production")
 *         .must().runAsNonRoot().dropAll()
 *         .because("production follows the restricted standard")
 *         .withId("acme.prod-non-root").withSeverity(Severity.HIGH);
 * }</pre>
 */
public final class K8sRules {

    private static final SubjectSource<Manifests, PodTemplate> PODS = SubjectSource.of("pods", PodTemplate::all,
            new SubjectSource.Parts<Manifests, PodTemplate>() {
                // the parts are the objects that can carry a pod template, so that ranges of
                // equal length hold about as many templates wherever the pods are in the bundle
                @Override
                public int count(Manifests m) {
                    return m.podCarriers().length;
                }

                @Override
                public List<PodTemplate> subjects(Manifests m, int from, int to) {
                    return PodTemplate.ofCarriers(m, from, to);
                }
            });
    private static final SubjectSource<Manifests, ContainerRef> CONTAINERS = SubjectSource.of("containers",
            m -> PodTemplate.all(m).stream().flatMap(p -> p.containers().stream()).toList());
    private static final SubjectSource<Manifests, NamespaceObject> NAMESPACE_OBJECTS = SubjectSource.of(
            "Namespace objects", NamespaceObject::all);

    private K8sRules() {
    }

    /**
     * Every pod template: Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob,
     * ReplicationController and PodTemplate.
     *
     * @return the first step of a pod rule
     */
    public static GivenPods pods() {
        return new GivenPods(RuleSpec.of(PODS));
    }

    /**
     * Every container of every pod template, in all slots: {@code initContainers},
     * {@code containers} and {@code ephemeralContainers}.
     *
     * @return the first step of a container rule
     */
    public static GivenContainers containers() {
        return new GivenContainers(RuleSpec.of(CONTAINERS));
    }

    /**
     * Every {@code Namespace} object of the input (unlike {@link #namespaces()}, which also
     * covers namespaces that workloads only name), for rules on namespace labels such as
     * {@code namespaceObjects().must(PodSecurityAdmission.enforceLabelAtLeast(PssLevel.BASELINE))}.
     *
     * @return the first step of a rule on Namespace objects
     */
    public static RuleDefinition.Given<Manifests, NamespaceObject> namespaceObjects() {
        return RuleDefinition.all(NAMESPACE_OBJECTS);
    }

    /**
     * The pod templates of an input, e.g. for property tests or custom tools.
     *
     * @param manifests the input
     * @return the pod templates in load order
     */
    public static List<PodTemplate> podTemplates(Manifests manifests) {
        return PodTemplate.all(manifests);
    }
    // ---- cluster-level analysis (RBAC, NetworkPolicy, secrets) ----

    private static final SubjectSource<Manifests, RoleSubject> ROLES = SubjectSource.of("roles",
            m -> RoleSubject.all(m, false));
    private static final SubjectSource<Manifests, RoleSubject> CLUSTER_ROLES = SubjectSource.of("cluster roles",
            m -> RoleSubject.all(m, true));
    private static final SubjectSource<Manifests, BindingSubject> BINDINGS = SubjectSource.of("role bindings",
            BindingSubject::all);
    private static final SubjectSource<Manifests, ResourceSubject> SERVICE_ACCOUNTS = SubjectSource.of(
            "service accounts", m -> ResourceSubject.all(m, r -> r.object() instanceof ServiceAccount));

    /**
     * Every Role and ClusterRole (use {@code that().areOfKind("Role")} to narrow).
     *
     * @return the first step of a role rule
     */
    public static GivenObjects<RoleSubject, RoleRule> roles() {
        return new GivenObjects<>(RuleSpec.of(ROLES), RoleRule::new);
    }

    /**
     * Every ClusterRole.
     *
     * @return the first step of a role rule
     */
    public static GivenObjects<RoleSubject, RoleRule> clusterRoles() {
        return new GivenObjects<>(RuleSpec.of(CLUSTER_ROLES), RoleRule::new);
    }

    /**
     * Every RoleBinding and ClusterRoleBinding.
     *
     * @return the first step of a binding rule
     */
    public static GivenObjects<BindingSubject, BindingRule> roleBindings() {
        return new GivenObjects<>(RuleSpec.of(BINDINGS), BindingRule::new);
    }

    /**
     * Every ServiceAccount object of the manifests.
     *
     * @return the first step of a ServiceAccount rule
     */
    public static GivenObjects<ResourceSubject, ServiceAccountRule> serviceAccounts() {
        return new GivenObjects<>(RuleSpec.of(SERVICE_ACCOUNTS), ServiceAccountRule::new);
    }

    /**
     * The grants to one ServiceAccount (directly, by user name, or through its groups), for
     * least-privilege assertions: {@code serviceAccount("production/monitoring-sa").mayOnly("get,list,watch pods")}.
     * The ServiceAccount need not be among the objects.
     *
     * @param namespaceAndName {@code namespace/name}
     * @return the first step of a grant rule
     */
    public static GivenGrants serviceAccount(String namespaceAndName) {
        return grantsTo(Principal.parse(namespaceAndName));
    }

    /**
     * The grants that apply to a principal.
     *
     * @param principal a user, group or ServiceAccount
     * @return the first step of a grant rule
     */
    public static GivenGrants grantsTo(Principal principal) {
        SubjectSource<Manifests, Grant> source = SubjectSource.of("grants to " + principal.display(),
                m -> RbacGraph.of(m).grantsTo(principal));
        return new GivenGrants(RuleSpec.of(source));
    }
    private static final SubjectSource<Manifests, ResourceSubject> NETWORK_POLICIES = SubjectSource.of(
            "network policies", m -> ResourceSubject.all(m, r -> r.object() instanceof NetworkPolicy));
    private static final SubjectSource<Manifests, NamespaceSubject> NAMESPACES = SubjectSource.of("namespaces",
            NamespaceSubject::all);

    /**
     * Every NetworkPolicy.
     *
     * @return the first step of a NetworkPolicy rule
     */
    public static GivenObjects<ResourceSubject, NetworkPolicyRule> networkPolicies() {
        return new GivenObjects<>(RuleSpec.of(NETWORK_POLICIES), NetworkPolicyRule::new);
    }

    /**
     * Every namespace that has a Namespace object or runs a pod template, sorted by name.
     *
     * @return the first step of a namespace rule
     */
    public static GivenNamespaces namespaces() {
        return new GivenNamespaces(RuleSpec.of(NAMESPACES));
    }

    /**
     * Reachability questions: {@code network(m).from("app=frontend").to("app=backend").on(8080).isAllowed()}.
     *
     * @param manifests the input
     * @return the entry
     */
    public static Network network(Manifests manifests) {
        return Network.network(manifests);
    }
    private static final SubjectSource<Manifests, ResourceSubject> SECRETS = SubjectSource.of("secrets",
            m -> ResourceSubject.all(m, r -> r.object() instanceof Secret));
    private static final SubjectSource<Manifests, ResourceSubject> CONFIG_MAPS = SubjectSource.of("config maps",
            m -> ResourceSubject.all(m, r -> r.object() instanceof ConfigMap));
    private static final SubjectSource<Manifests, ResourceSubject> EXTERNAL_SECRETS = SubjectSource.of(
            "external secrets", m -> ResourceSubject.all(m, r -> r.object() instanceof GenericKubernetesResource
                    && "ExternalSecret".equals(r.kind()) && r.apiVersion().startsWith("external-secrets.io/")));

    /**
     * Every Secret object.
     *
     * @return the first step of a Secret rule
     */
    public static GivenObjects<ResourceSubject, SecretRule> secrets() {
        return new GivenObjects<>(RuleSpec.of(SECRETS), SecretRule::new);
    }

    /**
     * Every ConfigMap.
     *
     * @return the first step of a ConfigMap rule
     */
    public static GivenObjects<ResourceSubject, SecretRule> configMaps() {
        return new GivenObjects<>(RuleSpec.of(CONFIG_MAPS), SecretRule::new);
    }

    /**
     * Every ExternalSecret of external-secrets.io (any version).
     *
     * @return the first step of an ExternalSecret rule
     */
    public static GivenObjects<ResourceSubject, SecretRule> externalSecrets() {
        return new GivenObjects<>(RuleSpec.of(EXTERNAL_SECRETS), SecretRule::new);
    }
}
