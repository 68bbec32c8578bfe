package io.github.policydsl.k8s.testing;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.github.policydsl.k8s.ContainerSlot;
import io.github.policydsl.k8s.network.NetworkPoliciesPack;
import io.github.policydsl.k8s.packs.K8sHardening;
import io.github.policydsl.k8s.pss.PodSecurityAdmission;
import io.github.policydsl.k8s.pss.PodSecurityStandards;
import io.github.policydsl.k8s.rbac.RbacPack;
import io.github.policydsl.k8s.secrets.SecretsPack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The weakening operators for the built-in Kubernetes rules beyond pod hardening: {@code rbac},
 * {@code network-policies}, {@code secrets} and the {@code pss} admission pack (pod rules and
 * namespace label rules). Bundle mutations ({@link #bundleRules()}) expect a bundle shaped like
 * {@link ClusterGenerators#compliantBundles(List)}; container mutations
 * ({@link #containerRules()}) apply to any pod spec, in every slot they list.
 *
 * <p>Documented overlaps, beyond those each mutation lists: in a namespace labelled as
 * {@link ClusterGenerators#compliantNamespaces} labels it ({@code enforce=baseline},
 * {@code audit=restricted}, {@code warn=restricted}), a pod change that fails the baseline
 * standard also fails the admission enforce, audit and warn rules, and one that fails only the
 * restricted standard also fails audit and warn; {@link #admissionOverlaps(java.util.Set)}
 * computes these.
 */
public final class ClusterMutations {

    private static final String RBAC_GROUP = "rbac.authorization.k8s.io";
    private static final String ENFORCE = PodSecurityAdmission.ENFORCE_RULE_ID;
    private static final String AUDIT = PodSecurityAdmission.AUDIT_RULE_ID;
    private static final String WARN = PodSecurityAdmission.WARN_RULE_ID;
    private static final String BASELINE = PodSecurityStandards.BASELINE_RULE_ID;
    private static final String RESTRICTED = PodSecurityStandards.RESTRICTED_RULE_ID;
    private static final Set<ContainerSlot> ALL = EnumSet.allOf(ContainerSlot.class);
    /** The namespace the bundle mutations change: the first workload namespace of a compliant bundle. */
    private static final String NS = "apps";
    /** The role rules whose checks a {@code *} on {@code *} rule also fails. */
    private static final Set<String> ALL_ROLE_RULES = Set.of(RbacPack.WILDCARD_VERBS, RbacPack.WILDCARD_RESOURCES,
            RbacPack.WILDCARD_API_GROUPS, RbacPack.SECRETS_READ, RbacPack.WORKLOAD_CREATION, RbacPack.POD_EXEC,
            RbacPack.ESCALATE_BIND_IMPERSONATE, RbacPack.NODES_PROXY, RbacPack.CSR_APPROVAL,
            RbacPack.ADMISSION_WEBHOOKS);

    private ClusterMutations() {
    }

    /**
     * The admission rules a pod mutation also changes in a namespace labelled
     * {@code enforce=baseline, audit=restricted, warn=restricted}, given the rules it documents.
     *
     * @param affected the target rule and the rules the mutation documents
     * @return the admission rule ids
     */
    public static Set<String> admissionOverlaps(Set<String> affected) {
        if (affected.contains(BASELINE)) {
            return Set.of(ENFORCE, AUDIT, WARN);
        }
        if (affected.contains(RESTRICTED)) {
            return Set.of(AUDIT, WARN);
        }
        return Set.of();
    }

    /**
     * Container mutations for the {@code secrets} env rules and the {@code pss} admission pod
     * rules, applicable in every container slot.
     *
     * @return the mutations
     */
    public static List<Mutation> containerRules() {
        List<Mutation> m = new ArrayList<>();
        m.add(Mutation.ofContainer("literal DB_PASSWORD in env", SecretsPack.ENV_LITERAL, Set.of(), ALL,
                c -> c.addEnv(new EnvVar("DB_PASSWORD", "hunter2-literal", null))));
        m.add(Mutation.ofContainer("AWS access key in env", SecretsPack.ENV_LITERAL, Set.of(), ALL,
                c -> c.addEnv(new EnvVar("AWS_ACCESS", "AKIAIOSFODNN7EXAMPLE", null))));
        m.add(Mutation.ofContainer("env from secretKeyRef", SecretsPack.ENV_SECRET_REF, Set.of(), ALL,
                c -> c.addEnv(ClusterGenerators.secretRef("DB_PASSWORD", "db-credentials", "password"))));
        m.add(Mutation.ofContainer("privileged in an enforce=baseline namespace", ENFORCE,
                Set.of(K8sHardening.NOT_PRIVILEGED, K8sHardening.NO_PRIVILEGE_ESCALATION, BASELINE, RESTRICTED, AUDIT,
                        WARN), ALL, c -> c.securityContext().setPrivileged(true)));
        m.add(Mutation.ofContainer("add CHOWN in an audit=restricted namespace", AUDIT, Set.of(RESTRICTED, WARN), ALL,
                c -> {
                    Capabilities caps = c.securityContext().getCapabilities();
                    List<String> add = new ArrayList<>(caps.getAdd() == null ? List.of() : caps.getAdd());
                    add.add("CHOWN");
                    caps.setAdd(add);
                }));
        m.add(Mutation.ofContainer("allowPrivilegeEscalation in a warn=restricted namespace", WARN,
                Set.of(K8sHardening.NO_PRIVILEGE_ESCALATION, RESTRICTED, AUDIT), ALL,
                c -> c.securityContext().setAllowPrivilegeEscalation(true)));
        return List.copyOf(m);
    }

    /**
     * Bundle mutations for every rule of {@code rbac}, {@code network-policies} (except the pod
     * rule, see {@link #podSelectionRules(String)}), the {@code secrets} object rules and the
     * {@code pss} namespace label rules. Role mutations come for a Role and a ClusterRole, binding
     * mutations for a RoleBinding and a ClusterRoleBinding.
     *
     * @return the mutations
     */
    public static List<ObjectMutation> bundleRules() {
        List<ObjectMutation> m = new ArrayList<>();
        for (String kind : List.of("Role", "ClusterRole")) {
            addRule(m, kind, "verb * on configmaps", RbacPack.WILDCARD_VERBS, Set.of(), rule("", "configmaps", "*"));
            addRule(m, kind, "get on apps/*", RbacPack.WILDCARD_RESOURCES, Set.of(), rule("apps", "*", "get"));
            addRule(m, kind, "get configmaps in API group *", RbacPack.WILDCARD_API_GROUPS, Set.of(),
                    rule("*", "configmaps", "get"));
            addRule(m, kind, "get secrets", RbacPack.SECRETS_READ, Set.of(), rule("", "secrets", "get"));
            PolicyRule named = rule("", "secrets", "watch");
            named.setResourceNames(new ArrayList<>(List.of("db-credentials")));
            addRule(m, kind, "watch one named secret", RbacPack.SECRETS_READ, Set.of(), named);
            addRule(m, kind, "create deployments", RbacPack.WORKLOAD_CREATION, Set.of(),
                    rule("apps", "deployments", "create"));
            addRule(m, kind, "create cronjobs", RbacPack.WORKLOAD_CREATION, Set.of(), rule("batch", "cronjobs", "create"));
            addRule(m, kind, "create pods/exec", RbacPack.POD_EXEC, Set.of(), rule("", "pods/exec", "create"));
            addRule(m, kind, "get pods/portforward", RbacPack.POD_EXEC, Set.of(), rule("", "pods/portforward", "get"));
            addRule(m, kind, "escalate roles", RbacPack.ESCALATE_BIND_IMPERSONATE, Set.of(),
                    rule(RBAC_GROUP, "roles", "escalate"));
            addRule(m, kind, "impersonate users", RbacPack.ESCALATE_BIND_IMPERSONATE, Set.of(),
                    rule("", "users", "impersonate"));
            addRule(m, kind, "get nodes/proxy", RbacPack.NODES_PROXY, Set.of(), rule("", "nodes/proxy", "get"));
            addRule(m, kind, "approve CSRs", RbacPack.CSR_APPROVAL, Set.of(),
                    rule("certificates.k8s.io", "certificatesigningrequests/approval", "update"));
            addRule(m, kind, "patch validating webhooks", RbacPack.ADMISSION_WEBHOOKS, Set.of(),
                    rule("admissionregistration.k8s.io", "validatingwebhookconfigurations", "patch"));
        }
        for (String kind : List.of("RoleBinding", "ClusterRoleBinding")) {
            m.add(binding(kind, "bind ClusterRole cluster-admin", RbacPack.CLUSTER_ADMIN_BINDING, Set.of(), (b, objects) ->
                    setRoleRef(b, new RoleRef(RBAC_GROUP, "ClusterRole", "cluster-admin"))));
            m.add(binding(kind, "bind a ClusterRole granting * on *", RbacPack.CLUSTER_ADMIN_BINDING, ALL_ROLE_RULES,
                    (b, objects) -> {
                        ClusterRole su = new ClusterRole();
                        su.setApiVersion(RBAC_GROUP + "/v1");
                        ObjectMeta meta = new ObjectMeta();
                        meta.setName("superuser");
                        su.setMetadata(meta);
                        su.setRules(new ArrayList<>(List.of(rule("*", "*", "*"))));
                        objects.add(su);
                        setRoleRef(b, new RoleRef(RBAC_GROUP, "ClusterRole", "superuser"));
                    }));
            m.add(binding(kind, "bind group system:authenticated", RbacPack.PUBLIC_GROUP_BINDING, Set.of(),
                    (b, objects) -> addSubject(b, new Subject(RBAC_GROUP, "Group", "system:authenticated", null))));
            m.add(binding(kind, "bind user system:anonymous", RbacPack.PUBLIC_GROUP_BINDING, Set.of(),
                    (b, objects) -> addSubject(b, new Subject(RBAC_GROUP, "User", "system:anonymous", null))));
            m.add(binding(kind, "bind ServiceAccount default", RbacPack.DEFAULT_SERVICE_ACCOUNT_BINDING, Set.of(),
                    (b, objects) -> addSubject(b, new Subject(null, "ServiceAccount", "default", NS))));
        }
        m.add(new ObjectMutation("remove default-deny ingress", NetworkPoliciesPack.DEFAULT_DENY_INGRESS, Set.of(),
                objects -> removeDenyType(objects, "Ingress")));
        m.add(new ObjectMutation("allow all ingress in the default-deny policy", NetworkPoliciesPack.DEFAULT_DENY_INGRESS,
                Set.of(NetworkPoliciesPack.NO_ALLOW_ALL_INGRESS), objects -> denyPolicy(objects, "Ingress").getSpec()
                        .setIngress(new ArrayList<>(List.of(new NetworkPolicyIngressRule())))));
        m.add(new ObjectMutation("remove default-deny egress", NetworkPoliciesPack.DEFAULT_DENY_EGRESS, Set.of(),
                objects -> removeDenyType(objects, "Egress")));
        m.add(new ObjectMutation("allow all egress in the default-deny policy", NetworkPoliciesPack.DEFAULT_DENY_EGRESS,
                Set.of(), objects -> denyPolicy(objects, "Egress").getSpec()
                        .setEgress(new ArrayList<>(List.of(new NetworkPolicyEgressRule())))));
        m.add(new ObjectMutation("allow-http admits every peer on every port", NetworkPoliciesPack.NO_ALLOW_ALL_INGRESS,
                Set.of(), objects -> {
                    NetworkPolicyIngressRule r = named(objects, NetworkPolicy.class, "allow-http").getSpec()
                            .getIngress().get(0);
                    r.setFrom(new ArrayList<>());
                    r.setPorts(new ArrayList<>());
                }));
        m.add(new ObjectMutation("allow-http from ipBlock 0.0.0.0/0 on every port",
                NetworkPoliciesPack.NO_ALLOW_ALL_INGRESS, Set.of(), objects -> {
                    NetworkPolicyIngressRule r = named(objects, NetworkPolicy.class, "allow-http").getSpec()
                            .getIngress().get(0);
                    NetworkPolicyPeer everyone = new NetworkPolicyPeer();
                    IPBlock block = new IPBlock();
                    block.setCidr("0.0.0.0/0");
                    everyone.setIpBlock(block);
                    r.setFrom(new ArrayList<>(List.of(everyone)));
                    r.setPorts(new ArrayList<>());
                }));
        m.add(new ObjectMutation("add an allow-all ingress policy", NetworkPoliciesPack.NO_ALLOW_ALL_INGRESS, Set.of(),
                objects -> {
                    NetworkPolicy np = ClusterGenerators.defaultDeny("allow-all", NS, List.of("Ingress"));
                    np.getSpec().setIngress(new ArrayList<>(List.of(new NetworkPolicyIngressRule())));
                    objects.add(np);
                }));
        m.add(new ObjectMutation("add a Secret with a password in data", SecretsPack.SECRET_DATA, Set.of(), objects -> {
            Secret s = new Secret();
            s.setApiVersion("v1");
            ObjectMeta meta = new ObjectMeta();
            meta.setName("db-password");
            meta.setNamespace(NS);
            s.setMetadata(meta);
            s.setData(new LinkedHashMap<>(Map.of("password",
                    Base64.getEncoder().encodeToString("s3cr3t-Pa55word!".getBytes(StandardCharsets.UTF_8)))));
            objects.add(s);
        }));
        m.add(new ObjectMutation("add a Secret with a token in stringData", SecretsPack.SECRET_DATA, Set.of(), objects -> {
            Secret s = new Secret();
            s.setApiVersion("v1");
            ObjectMeta meta = new ObjectMeta();
            meta.setName("api-token");
            meta.setNamespace(NS);
            s.setMetadata(meta);
            s.setType("Opaque");
            s.setStringData(new LinkedHashMap<>(Map.of("token", "ghp_" + "a".repeat(36))));
            objects.add(s);
        }));
        m.add(new ObjectMutation("literal DB_PASSWORD in the ConfigMap", SecretsPack.CONFIGMAP_CREDENTIALS, Set.of(),
                objects -> named(objects, ConfigMap.class, "app-config").getData().put("DB_PASSWORD", "hunter2-literal")));
        m.add(new ObjectMutation("password= line in a ConfigMap file", SecretsPack.CONFIGMAP_CREDENTIALS, Set.of(),
                objects -> named(objects, ConfigMap.class, "app-config").getData().put("db.properties",
                        "url=jdbc:postgresql://db/app\npassword=s3cr3t-value\n")));
        m.add(new ObjectMutation("drop the store of the ExternalSecret", SecretsPack.EXTERNAL_SECRET_STORE, Set.of(),
                objects -> externalSecretSpec(objects).remove("secretStoreRef")));
        m.add(new ObjectMutation("ExternalSecret store of an unknown kind", SecretsPack.EXTERNAL_SECRET_STORE, Set.of(),
                objects -> storeRef(objects).put("kind", "Vault")));
        m.add(new ObjectMutation("drop the refresh interval", SecretsPack.EXTERNAL_SECRET_REFRESH, Set.of(),
                objects -> externalSecretSpec(objects).remove("refreshInterval")));
        m.add(new ObjectMutation("refreshInterval 0", SecretsPack.EXTERNAL_SECRET_REFRESH, Set.of(),
                objects -> externalSecretSpec(objects).put("refreshInterval", "0")));
        String enforce = PodSecurityAdmission.LABEL_PREFIX + "enforce";
        m.add(new ObjectMutation("namespace enforce=privileged", PodSecurityAdmission.NAMESPACE_ENFORCE_LABEL_RULE_ID,
                Set.of(), objects -> labels(objects).put(enforce, "privileged")));
        m.add(new ObjectMutation("remove the namespace enforce label",
                PodSecurityAdmission.NAMESPACE_ENFORCE_LABEL_RULE_ID, Set.of(), objects -> labels(objects).remove(enforce)));
        m.add(new ObjectMutation("namespace enforce=strict (invalid)", PodSecurityAdmission.NAMESPACE_LABELS_RULE_ID,
                Set.of(PodSecurityAdmission.NAMESPACE_ENFORCE_LABEL_RULE_ID),
                objects -> labels(objects).put(enforce, "strict")));
        m.add(new ObjectMutation("namespace enforce-version=v2 (invalid)", PodSecurityAdmission.NAMESPACE_LABELS_RULE_ID,
                Set.of(), objects -> labels(objects).put(enforce + "-version", "v2")));
        m.add(new ObjectMutation("namespace audit=Restricted (invalid)", PodSecurityAdmission.NAMESPACE_LABELS_RULE_ID,
                Set.of(), objects -> labels(objects).put(PodSecurityAdmission.LABEL_PREFIX + "audit", "Restricted")));
        return List.copyOf(m);
    }

    /**
     * The mutation for the network pod rule in one controller wrapper: move the first workload
     * of a kind to a namespace without NetworkPolicies (which also has no default-deny policies).
     *
     * @param kind the workload kind
     * @return the mutation
     */
    public static ObjectMutation podSelectionRules(String kind) {
        return new ObjectMutation("move the " + kind + " to a namespace without policies",
                NetworkPoliciesPack.POD_SELECTED,
                Set.of(NetworkPoliciesPack.DEFAULT_DENY_INGRESS, NetworkPoliciesPack.DEFAULT_DENY_EGRESS), objects -> {
                    for (HasMetadata o : objects) {
                        if (kind.equals(o.getKind()) && ClusterGenerators.podSpecOf(o) != null) {
                            o.getMetadata().setNamespace("sandbox");
                            return;
                        }
                    }
                    throw new IllegalArgumentException("no " + kind + " in the bundle");
                });
    }

    // ---------------------------------------------------------------- helpers

    private static PolicyRule rule(String group, String resource, String verb) {
        PolicyRule r = new PolicyRule();
        r.setApiGroups(new ArrayList<>(List.of(group)));
        r.setResources(new ArrayList<>(List.of(resource)));
        r.setVerbs(new ArrayList<>(List.of(verb)));
        return r;
    }

    private static void addRule(List<ObjectMutation> out, String kind, String what, String target, Set<String> also,
            PolicyRule rule) {
        out.add(new ObjectMutation(what + " in a " + kind, target, also, objects -> {
            PolicyRule copy = new PolicyRule(new ArrayList<>(rule.getApiGroups()),
                    new ArrayList<>(rule.getNonResourceURLs()), new ArrayList<>(rule.getResourceNames()),
                    new ArrayList<>(rule.getResources()), new ArrayList<>(rule.getVerbs()));
            for (HasMetadata o : objects) {
                if (o instanceof Role r && "Role".equals(kind)) {
                    r.setRules(append(r.getRules(), copy));
                    return;
                }
                if (o instanceof ClusterRole r && "ClusterRole".equals(kind) && r.getAggregationRule() == null) {
                    r.setRules(append(r.getRules(), copy));
                    return;
                }
            }
            throw new IllegalArgumentException("no " + kind + " in the bundle");
        }));
    }

    private static List<PolicyRule> append(List<PolicyRule> rules, PolicyRule rule) {
        List<PolicyRule> out = new ArrayList<>(rules == null ? List.of() : rules);
        out.add(rule);
        return out;
    }

    private interface BindingChange extends java.util.function.BiConsumer<HasMetadata, List<HasMetadata>> {
    }

    private static ObjectMutation binding(String kind, String what, String target, Set<String> also,
            BindingChange change) {
        return new ObjectMutation(what + " in a " + kind, target, also, objects -> {
            for (HasMetadata o : List.copyOf(objects)) {
                if (kind.equals(o.getKind())) {
                    change.accept(o, objects);
                    return;
                }
            }
            throw new IllegalArgumentException("no " + kind + " in the bundle");
        });
    }

    private static void setRoleRef(HasMetadata binding, RoleRef ref) {
        if (binding instanceof RoleBinding b) {
            b.setRoleRef(ref);
        } else {
            ((ClusterRoleBinding) binding).setRoleRef(ref);
        }
    }

    private static void addSubject(HasMetadata binding, Subject s) {
        if (binding instanceof RoleBinding b) {
            List<Subject> subjects = new ArrayList<>(b.getSubjects());
            subjects.add(s);
            b.setSubjects(subjects);
        } else {
            ClusterRoleBinding b = (ClusterRoleBinding) binding;
            List<Subject> subjects = new ArrayList<>(b.getSubjects());
            subjects.add(s);
            b.setSubjects(subjects);
        }
    }

    private static boolean isDeny(NetworkPolicy np) {
        NetworkPolicySpec s = np.getSpec();
        LabelSelector sel = s.getPodSelector();
        return NS.equals(np.getMetadata().getNamespace()) && sel != null
                && (sel.getMatchLabels() == null || sel.getMatchLabels().isEmpty())
                && (sel.getMatchExpressions() == null || sel.getMatchExpressions().isEmpty());
    }

    private static NetworkPolicy denyPolicy(List<HasMetadata> objects, String type) {
        for (HasMetadata o : objects) {
            if (o instanceof NetworkPolicy np && isDeny(np) && np.getSpec().getPolicyTypes().contains(type)) {
                return np;
            }
        }
        throw new IllegalArgumentException("no default-deny " + type + " policy in namespace " + NS);
    }

    /** Removes a type from the default-deny policies of {@link #NS}, and policies left without a type. */
    private static void removeDenyType(List<HasMetadata> objects, String type) {
        denyPolicy(objects, type);
        objects.removeIf(o -> o instanceof NetworkPolicy np && isDeny(np)
                && np.getSpec().getPolicyTypes().equals(List.of(type)));
        for (HasMetadata o : objects) {
            if (o instanceof NetworkPolicy np && isDeny(np)) {
                List<String> types = new ArrayList<>(np.getSpec().getPolicyTypes());
                types.remove(type);
                np.getSpec().setPolicyTypes(types);
            }
        }
    }

    private static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
        for (HasMetadata o : objects) {
            if (type.isInstance(o) && name.equals(o.getMetadata().getName())) {
                return type.cast(o);
            }
        }
        throw new IllegalArgumentException("no " + type.getSimpleName() + " " + name + " in the bundle");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> externalSecretSpec(List<HasMetadata> objects) {
        for (HasMetadata o : objects) {
            if (o instanceof GenericKubernetesResource g && "ExternalSecret".equals(g.getKind())) {
                return (Map<String, Object>) g.getAdditionalProperties().get("spec");
            }
        }
        throw new IllegalArgumentException("no ExternalSecret in the bundle");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> storeRef(List<HasMetadata> objects) {
        return (Map<String, Object>) externalSecretSpec(objects).get("secretStoreRef");
    }

    private static Map<String, String> labels(List<HasMetadata> objects) {
        return named(objects, Namespace.class, NS).getMetadata().getLabels();
    }
}
