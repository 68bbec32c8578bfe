package io.github.policydsl.k8s.testing;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.fabric8.kubernetes.api.model.rbac.AggregationRule;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.github.policydsl.api.testing.Choices;
import io.github.policydsl.api.testing.Gen;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generators of cluster objects beyond pods for property-based tests: Namespaces with Pod Security
 * labels, RBAC Roles, ClusterRoles (some aggregated) and their bindings, NetworkPolicies, Secrets,
 * ConfigMaps, ExternalSecrets (as {@code GenericKubernetesResource}), env vars, and bundles mixing
 * them with workloads. All are valid by construction (DNS-1123 names, real verbs, resources,
 * API groups and label keys, base64 data) and shrink toward absent optional fields, short lists
 * and the first alternative of each choice. Every call builds new objects; nothing is shared.
 *
 * <p>Besides the free generators, {@link #compliantBundles()} generates whole bundles that pass
 * every built-in Kubernetes pack ({@code k8s-hardening}, the Pod Security Standards, the
 * {@code pss} admission simulation with a required enforce label of {@code baseline},
 * {@code rbac}, {@code network-policies} and {@code secrets}), the starting point of mutation
 * tests.
 */
public final class ClusterGenerators {

    /** The Pod Security label prefix. */
    private static final String PSS = "pod-security.kubernetes.io/";
    /** The label that aggregates ClusterRoles into the generated aggregating ClusterRole. */
    public static final String AGGREGATE_LABEL = "rbac.example.com/aggregate-to-monitoring";
    private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

    private static final List<String> LEVELS = List.of("restricted", "baseline", "privileged");
    /** Versions at which restricted has every check of {@code latest} (pinning v1.0 would weaken it). */
    private static final List<String> RECENT_VERSIONS = List.of("latest", "v1.30", "v1.25");
    private static final List<String> BAD_LEVELS = List.of("strict", "Restricted", "", "none");
    private static final List<String> VERSIONS = List.of("latest", "v1.30", "v1.25", "v1.0");
    private static final List<String> BAD_VERSIONS = List.of("v2", "1.30", "v1.x", "");
    private static final List<String> SAFE_VERBS = List.of("get", "list", "watch");
    private static final List<String> VERBS = List.of("get", "list", "watch", "create", "update", "patch", "delete",
            "deletecollection", "*", "escalate", "bind", "impersonate", "approve");
    private static final List<String[]> RESOURCES = List.of(new String[] {"", "configmaps"},
            new String[] {"", "pods"}, new String[] {"", "services"}, new String[] {"", "secrets"},
            new String[] {"apps", "deployments"}, new String[] {"", "pods/exec"}, new String[] {"", "pods/log"},
            new String[] {"", "nodes/proxy"}, new String[] {"batch", "jobs"}, new String[] {RBAC_GROUP, "roles"},
            new String[] {"", "users"}, new String[] {"certificates.k8s.io", "certificatesigningrequests/approval"},
            new String[] {"admissionregistration.k8s.io", "validatingwebhookconfigurations"},
            new String[] {"*", "*"});
    /** Read-only grants that no rule of the {@code rbac} pack reports. */
    private static final List<String[]> SAFE_RESOURCES = List.of(new String[] {"", "configmaps"},
            new String[] {"", "pods"}, new String[] {"", "services"}, new String[] {"", "pods/log"},
            new String[] {"", "endpoints"}, new String[] {"apps", "deployments"}, new String[] {"batch", "jobs"},
            new String[] {"", "events"});
    private static final List<String> WORKLOAD_NAMESPACES = List.of("apps", "payments", "web");

    private ClusterGenerators() {
    }

    private static ObjectMeta meta(String name, String namespace) {
        ObjectMeta m = new ObjectMeta();
        m.setName(name);
        m.setNamespace(namespace);
        return m;
    }

    private static <T extends HasMetadata> T typed(T o, String apiVersion, ObjectMeta meta) {
        o.setApiVersion(apiVersion);
        o.setMetadata(meta);
        return o;
    }

    // ---------------------------------------------------------------- namespaces

    /**
     * Pod Security labels: for each mode (enforce, audit, warn) an optional level and an optional
     * version, mostly valid ({@code restricted}, {@code baseline}, {@code privileged};
     * {@code latest}, {@code v1.<minor>}) and sometimes invalid ({@code strict}, {@code v2}).
     * Shrinks toward no labels.
     *
     * @return the generator of label maps (modifiable, new each time)
     */
    public static Gen<Map<String, String>> podSecurityLabels() {
        Gen<String> level = Gen.oneOfGens(Gen.elements(LEVELS), Gen.elements(LEVELS), Gen.elements(BAD_LEVELS));
        Gen<String> version = Gen.oneOfGens(Gen.elements(VERSIONS), Gen.elements(VERSIONS), Gen.elements(BAD_VERSIONS));
        return c -> {
            Map<String, String> labels = new LinkedHashMap<>();
            for (String mode : List.of("enforce", "audit", "warn")) {
                String l = level.optional(0.5).generate(c);
                if (l != null) {
                    labels.put(PSS + mode, l);
                }
                String v = version.optional(0.3).generate(c);
                if (v != null) {
                    labels.put(PSS + mode + "-version", v);
                }
            }
            return labels;
        };
    }

    /**
     * Namespace objects named from {@link K8sGenerators#namespaces()}, with optional Pod Security
     * labels (valid and invalid) and an optional team label.
     *
     * @return the generator
     */
    public static Gen<Namespace> namespaceObjects() {
        return c -> {
            Namespace ns = typed(new Namespace(), "v1", meta(K8sGenerators.namespaces().generate(c), null));
            Map<String, String> labels = podSecurityLabels().generate(c);
            if (c.chance(0.3)) {
                labels.put("team", Gen.oneOf("payments", "platform").generate(c));
            }
            ns.getMetadata().setLabels(labels);
            return ns;
        };
    }

    /**
     * A Namespace that passes the {@code pss} admission pack with a required enforce label of
     * {@code baseline}: {@code enforce=baseline}, {@code audit=restricted}, {@code warn=restricted}
     * (the combination the Kubernetes documentation suggests), each with an optional version
     * label of {@code latest} or a recent {@code v1.<minor>} (an old pinned version such as
     * {@code v1.0} would drop checks of the current standards).
     *
     * @param name the namespace name
     * @return the generator
     */
    public static Gen<Namespace> compliantNamespaces(String name) {
        return c -> {
            Namespace ns = typed(new Namespace(), "v1", meta(name, null));
            Map<String, String> labels = new LinkedHashMap<>();
            for (String[] mode : new String[][] {{"enforce", "baseline"}, {"audit", "restricted"},
                {"warn", "restricted"}}) {
                labels.put(PSS + mode[0], mode[1]);
                String v = Gen.elements(RECENT_VERSIONS).optional(0.4).generate(c);
                if (v != null) {
                    labels.put(PSS + mode[0] + "-version", v);
                }
            }
            ns.getMetadata().setLabels(labels);
            return ns;
        };
    }

    // ---------------------------------------------------------------- RBAC

    private static PolicyRule rule(String group, String resource, List<String> verbs, List<String> names) {
        PolicyRule r = new PolicyRule();
        r.setApiGroups(new ArrayList<>(List.of(group)));
        r.setResources(new ArrayList<>(List.of(resource)));
        r.setVerbs(new ArrayList<>(verbs));
        r.setResourceNames(new ArrayList<>(names));
        return r;
    }

    /**
     * Policy rules over real verbs, API groups and resources (including subresources and
     * wildcards), some restricted by {@code resourceNames}; shrinks toward {@code get configmaps}.
     *
     * @return the generator
     */
    public static Gen<PolicyRule> policyRules() {
        return c -> {
            String[] target = Gen.elements(RESOURCES).generate(c);
            List<String> verbs = distinct(Gen.elements(VERBS).list(1, 3).generate(c));
            List<String> names = c.chance(0.2) ? List.of(Gen.oneOf("app-config", "db").generate(c)) : List.of();
            return rule(target[0], target[1], verbs, names);
        };
    }

    private static PolicyRule safeRule(Choices c) {
        String[] target = Gen.elements(SAFE_RESOURCES).generate(c);
        List<String> verbs = new ArrayList<>(List.of("get"));
        for (String v : SAFE_VERBS.subList(1, 3)) {
            if (c.chance(0.5)) {
                verbs.add(v);
            }
        }
        List<String> names = c.chance(0.2) && "configmaps".equals(target[1]) ? List.of("app-config") : List.of();
        return rule(target[0], target[1], verbs, names);
    }

    private static List<String> distinct(List<String> values) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(values));
    }

    /**
     * Roles with 1–3 rules from {@link #policyRules()}, in a namespace of {@link K8sGenerators#namespaces()}.
     *
     * @return the generator
     */
    public static Gen<Role> roles() {
        return c -> {
            Role r = typed(new Role(), RBAC_GROUP + "/v1", meta(K8sGenerators.dnsLabels().generate(c),
                    K8sGenerators.namespaces().generate(c)));
            r.setRules(new ArrayList<>(policyRules().list(1, 3).generate(c)));
            return r;
        };
    }

    /**
     * ClusterRoles with 0–3 rules, sometimes with an {@code aggregationRule} selecting
     * {@value #AGGREGATE_LABEL}{@code =true}, sometimes carrying that label themselves.
     *
     * @return the generator
     */
    public static Gen<ClusterRole> clusterRoles() {
        return c -> {
            ClusterRole r = typed(new ClusterRole(), RBAC_GROUP + "/v1", meta(K8sGenerators.dnsLabels().generate(c),
                    null));
            r.setRules(new ArrayList<>(policyRules().list(0, 3).generate(c)));
            if (c.chance(0.2)) {
                r.setAggregationRule(aggregation());
            } else if (c.chance(0.2)) {
                r.getMetadata().setLabels(new LinkedHashMap<>(Map.of(AGGREGATE_LABEL, "true")));
            }
            return r;
        };
    }

    private static AggregationRule aggregation() {
        LabelSelector s = new LabelSelector();
        s.setMatchLabels(new LinkedHashMap<>(Map.of(AGGREGATE_LABEL, "true")));
        AggregationRule a = new AggregationRule();
        a.setClusterRoleSelectors(new ArrayList<>(List.of(s)));
        return a;
    }

    /**
     * Binding subjects: users, groups (including the public and super-user groups) and
     * ServiceAccounts (including {@code default}).
     *
     * @return the generator, shrinking toward a ServiceAccount {@code app} in {@code default}
     */
    public static Gen<Subject> subjects() {
        return c -> switch (c.choose(3)) {
            case 0 -> new Subject(null, "ServiceAccount", Gen.oneOf("app", "default", "ci").generate(c),
                    K8sGenerators.namespaces().generate(c));
            case 1 -> new Subject(RBAC_GROUP, "User", Gen.oneOf("alice@example.com", "bob", "system:anonymous")
                    .generate(c), null);
            default -> new Subject(RBAC_GROUP, "Group", Gen.oneOf("dev-team", "sre", "system:authenticated",
                    "system:unauthenticated", "system:masters").generate(c), null);
        };
    }

    private static Gen<RoleRef> roleRefs(boolean clusterOnly) {
        return c -> {
            boolean cluster = clusterOnly || c.chance(0.5);
            String name = cluster ? Gen.oneOf("view", "edit", "cluster-admin", "admin").generate(c)
                    : K8sGenerators.dnsLabels().generate(c);
            return new RoleRef(RBAC_GROUP, cluster ? "ClusterRole" : "Role", name);
        };
    }

    /**
     * RoleBindings of a Role or ClusterRole to 1–3 subjects.
     *
     * @return the generator
     */
    public static Gen<RoleBinding> roleBindings() {
        return c -> {
            RoleBinding b = typed(new RoleBinding(), RBAC_GROUP + "/v1", meta(K8sGenerators.dnsLabels().generate(c),
                    K8sGenerators.namespaces().generate(c)));
            b.setRoleRef(roleRefs(false).generate(c));
            b.setSubjects(new ArrayList<>(subjects().list(1, 3).generate(c)));
            return b;
        };
    }

    /**
     * ClusterRoleBindings of a ClusterRole to 1–3 subjects.
     *
     * @return the generator
     */
    public static Gen<ClusterRoleBinding> clusterRoleBindings() {
        return c -> {
            ClusterRoleBinding b = typed(new ClusterRoleBinding(), RBAC_GROUP + "/v1",
                    meta(K8sGenerators.dnsLabels().generate(c), null));
            b.setRoleRef(roleRefs(true).generate(c));
            b.setSubjects(new ArrayList<>(subjects().list(1, 3).generate(c)));
            return b;
        };
    }

    // ---------------------------------------------------------------- network

    private static LabelSelector selector(Map<String, String> labels) {
        LabelSelector s = new LabelSelector();
        s.setMatchLabels(new LinkedHashMap<>(labels));
        return s;
    }

    private static Gen<NetworkPolicyPort> ports() {
        return c -> {
            NetworkPolicyPort p = new NetworkPolicyPort();
            switch (c.choose(3)) {
                case 0 -> p.setPort(new IntOrString(Gen.oneOf(8080, 443, 5432).generate(c)));
                case 1 -> p.setPort(new IntOrString(Gen.oneOf("http", "metrics").generate(c)));
                default -> {
                    p.setPort(new IntOrString(8000));
                    p.setEndPort(Gen.oneOf(8100, 9000).generate(c));
                }
            }
            p.setProtocol(Gen.oneOf("TCP", "UDP").optional(0.3).generate(c));
            return p;
        };
    }

    private static Gen<NetworkPolicyPeer> peers() {
        return c -> {
            NetworkPolicyPeer p = new NetworkPolicyPeer();
            switch (c.choose(4)) {
                case 0 -> p.setPodSelector(selector(Map.of("role", Gen.oneOf("frontend", "api").generate(c))));
                case 1 -> p.setNamespaceSelector(selector(Map.of("kubernetes.io/metadata.name",
                        Gen.oneOf("ingress-nginx", "monitoring").generate(c))));
                case 2 -> {
                    p.setPodSelector(selector(Map.of("role", "frontend")));
                    p.setNamespaceSelector(selector(Map.of("team", "payments")));
                }
                default -> {
                    IPBlock b = new IPBlock();
                    b.setCidr(Gen.oneOf("10.0.0.0/8", "0.0.0.0/0", "192.168.1.0/24", "::/0").generate(c));
                    b.setExcept(new ArrayList<>(c.chance(0.5) ? List.of("10.0.5.0/24") : List.of()));
                    if (!b.getExcept().isEmpty() && b.getCidr().contains(":")) {
                        b.setExcept(new ArrayList<>(List.of("fd00::/8")));
                    }
                    p.setIpBlock(b);
                }
            }
            return p;
        };
    }

    /**
     * NetworkPolicies: pod selectors ({@code {}} or by label), ingress and egress rules with
     * pod, namespace and ipBlock peers (with {@code except}), numbered, named and ranged
     * ({@code endPort}) ports, and optional {@code policyTypes}. Shrinks toward a default-deny
     * ingress policy without explicit types.
     *
     * @return the generator
     */
    public static Gen<NetworkPolicy> networkPolicies() {
        return c -> {
            NetworkPolicy np = typed(new NetworkPolicy(), "networking.k8s.io/v1",
                    meta(K8sGenerators.dnsLabels().generate(c), K8sGenerators.namespaces().generate(c)));
            NetworkPolicySpec spec = new NetworkPolicySpec();
            spec.setPodSelector(c.chance(0.5) ? selector(Map.of("app", K8sGenerators.dnsLabels().generate(c)))
                    : new LabelSelector());
            List<NetworkPolicyIngressRule> ingress = new ArrayList<>();
            for (int i = c.choose(3); i > 0; i--) {
                NetworkPolicyIngressRule r = new NetworkPolicyIngressRule();
                r.setFrom(new ArrayList<>(peers().list(0, 2).generate(c)));
                r.setPorts(new ArrayList<>(ports().list(0, 2).generate(c)));
                ingress.add(r);
            }
            List<NetworkPolicyEgressRule> egress = new ArrayList<>();
            for (int i = c.choose(3); i > 0; i--) {
                NetworkPolicyEgressRule r = new NetworkPolicyEgressRule();
                r.setTo(new ArrayList<>(peers().list(0, 2).generate(c)));
                r.setPorts(new ArrayList<>(ports().list(0, 2).generate(c)));
                egress.add(r);
            }
            spec.setIngress(ingress);
            spec.setEgress(egress);
            spec.setPolicyTypes(new ArrayList<>(Gen.oneOf(List.<String>of(), List.of("Ingress"), List.of("Egress"),
                    List.of("Ingress", "Egress")).generate(c)));
            np.setSpec(spec);
            return np;
        };
    }

    /**
     * A default-deny NetworkPolicy ({@code podSelector: {}}, no rules) for the given types.
     *
     * @param name the policy name
     * @param namespace its namespace
     * @param types {@code Ingress} and/or {@code Egress}
     * @return a new policy
     */
    public static NetworkPolicy defaultDeny(String name, String namespace, List<String> types) {
        NetworkPolicy np = typed(new NetworkPolicy(), "networking.k8s.io/v1", meta(name, namespace));
        NetworkPolicySpec spec = new NetworkPolicySpec();
        spec.setPodSelector(new LabelSelector());
        spec.setPolicyTypes(new ArrayList<>(types));
        np.setSpec(spec);
        return np;
    }

    // ---------------------------------------------------------------- secrets

    private static final List<String> SECRET_VALUES = List.of("s3cr3t-Pa55word!", "${DB_PASSWORD}", "changeme",
            "AKIAIOSFODNN7EXAMPLE", "");

    /**
     * Secrets of the common types with optional {@code data} (base64) and {@code stringData},
     * holding real-looking values, placeholders and empty values.
     *
     * @return the generator, shrinking toward an Opaque Secret without values
     */
    public static Gen<Secret> secrets() {
        return c -> {
            Secret s = typed(new Secret(), "v1", meta(K8sGenerators.dnsLabels().generate(c),
                    K8sGenerators.namespaces().generate(c)));
            s.setType(Gen.oneOf("Opaque", "kubernetes.io/service-account-token", "kubernetes.io/basic-auth")
                    .optional(0.7).generate(c));
            Map<String, String> data = new LinkedHashMap<>();
            for (int i = c.choose(3); i > 0; i--) {
                data.put(Gen.oneOf("password", "token", "username", "ca.crt").generate(c), Base64.getEncoder()
                        .encodeToString(Gen.elements(SECRET_VALUES).generate(c).getBytes(StandardCharsets.UTF_8)));
            }
            Map<String, String> stringData = new LinkedHashMap<>();
            for (int i = c.choose(2); i > 0; i--) {
                stringData.put(Gen.oneOf("api-key", "config").generate(c), Gen.elements(SECRET_VALUES).generate(c));
            }
            s.setData(data);
            s.setStringData(stringData);
            return s;
        };
    }

    /**
     * ConfigMaps with plain settings, credential-named keys, credential-shaped values and config
     * files with {@code password=} lines.
     *
     * @return the generator, shrinking toward {@code LOG_LEVEL: info}
     */
    public static Gen<ConfigMap> configMaps() {
        Gen<Map.Entry<String, String>> entries = Gen.oneOf(Map.entry("LOG_LEVEL", "info"),
                Map.entry("PORT", "8080"), Map.entry("app.properties", "server.port=8080\nfeature.x=true\n"),
                Map.entry("DB_PASSWORD", "hunter2-literal"), Map.entry("AWS_KEY", "AKIAIOSFODNN7EXAMPLE"),
                Map.entry("db.properties", "url=jdbc:postgresql://db/app\npassword=s3cr3t-value\n"),
                Map.entry("API_TOKEN", "${API_TOKEN}"));
        return c -> {
            ConfigMap cm = typed(new ConfigMap(), "v1", meta(K8sGenerators.dnsLabels().generate(c),
                    K8sGenerators.namespaces().generate(c)));
            Map<String, String> data = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : entries.list(0, 3).generate(c)) {
                data.put(e.getKey(), e.getValue());
            }
            cm.setData(data);
            return cm;
        };
    }

    /**
     * ExternalSecrets ({@code external-secrets.io}, as {@code GenericKubernetesResource}) with an
     * optional store reference (SecretStore or ClusterSecretStore, sometimes a wrong kind), an
     * optional refresh interval (sometimes {@code 0}) and 1–2 data entries.
     *
     * @return the generator
     */
    public static Gen<GenericKubernetesResource> externalSecrets() {
        return c -> {
            String name = K8sGenerators.dnsLabels().generate(c);
            String ns = K8sGenerators.namespaces().generate(c);
            Map<String, Object> store = null;
            if (c.chance(0.8)) {
                store = new LinkedHashMap<>();
                store.put("name", Gen.oneOf("vault", "aws-secrets").generate(c));
                String kind = Gen.oneOf("ClusterSecretStore", "SecretStore", "Vault").optional(0.7).generate(c);
                if (kind != null) {
                    store.put("kind", kind);
                }
            }
            String refresh = Gen.oneOf("1h", "15m", "0", "0s").optional(0.7).generate(c);
            return externalSecret(name, ns, store, refresh, c.choose(2) + 1);
        };
    }

    /**
     * An ExternalSecret.
     *
     * @param name its name (also the target Secret's name)
     * @param namespace its namespace
     * @param store {@code spec.secretStoreRef}, or null for none
     * @param refreshInterval {@code spec.refreshInterval}, or null for none
     * @param entries the number of {@code spec.data} entries
     * @return a new object
     */
    public static GenericKubernetesResource externalSecret(String name, String namespace, Map<String, Object> store,
            String refreshInterval, int entries) {
        GenericKubernetesResource es = new GenericKubernetesResource();
        es.setApiVersion("external-secrets.io/v1beta1");
        es.setKind("ExternalSecret");
        es.setMetadata(meta(name, namespace));
        Map<String, Object> spec = new LinkedHashMap<>();
        if (refreshInterval != null) {
            spec.put("refreshInterval", refreshInterval);
        }
        if (store != null) {
            spec.put("secretStoreRef", new LinkedHashMap<>(store));
        }
        spec.put("target", new LinkedHashMap<>(Map.of("name", name)));
        List<Object> data = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            Map<String, Object> remote = new LinkedHashMap<>();
            remote.put("key", namespace + "/" + name);
            remote.put("property", i == 0 ? "password" : "username");
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("secretKey", i == 0 ? "password" : "username");
            entry.put("remoteRef", remote);
            data.add(entry);
        }
        spec.put("data", data);
        es.setAdditionalProperty("spec", spec);
        return es;
    }

    /**
     * Env vars: plain settings, literal credentials (by name or by shape), placeholders and
     * references to ConfigMaps and Secrets.
     *
     * @return the generator, shrinking toward {@code LOG_LEVEL=info}
     */
    public static Gen<EnvVar> envVars() {
        return c -> switch (c.choose(6)) {
            case 0 -> new EnvVar("LOG_LEVEL", Gen.oneOf("info", "debug").generate(c), null);
            case 1 -> new EnvVar("PORT", "8080", null);
            case 2 -> new EnvVar(Gen.oneOf("DB_PASSWORD", "API_KEY", "GITHUB_TOKEN").generate(c),
                    Gen.oneOf("hunter2-literal", "$(FROM_FILE)", "${SECRET}", "").generate(c), null);
            case 3 -> new EnvVar("AWS_ACCESS", "AKIAIOSFODNN7EXAMPLE", null);
            case 4 -> configMapRef("FEATURES", "app-config", "features");
            default -> secretRef("DB_PASSWORD", "db-credentials", "password");
        };
    }

    /**
     * An env var from a ConfigMap key.
     *
     * @param name the variable
     * @param configMap the ConfigMap
     * @param key its key
     * @return a new env var
     */
    public static EnvVar configMapRef(String name, String configMap, String key) {
        EnvVarSource src = new EnvVarSource();
        src.setConfigMapKeyRef(new ConfigMapKeySelector(key, configMap, null));
        return new EnvVar(name, null, src);
    }

    /**
     * An env var from a Secret key.
     *
     * @param name the variable
     * @param secret the Secret
     * @param key its key
     * @return a new env var
     */
    public static EnvVar secretRef(String name, String secret, String key) {
        EnvVarSource src = new EnvVarSource();
        src.setSecretKeyRef(new SecretKeySelector(key, secret, null));
        return new EnvVar(name, null, src);
    }

    // ---------------------------------------------------------------- bundles

    /**
     * Bundles mixing every generated kind: 1–4 workloads (of every controller kind, with env vars
     * in their containers), ServiceAccounts, Namespaces with Pod Security labels, Roles,
     * ClusterRoles, bindings, NetworkPolicies, Secrets, ConfigMaps and ExternalSecrets; names are
     * unique per kind and namespace.
     *
     * @return the generator
     */
    public static Gen<List<HasMetadata>> clusterBundles() {
        return c -> {
            List<HasMetadata> out = new ArrayList<>();
            for (HasMetadata w : K8sGenerators.workloads().list(1, 4).generate(c)) {
                for (EnvContainer ec : containersOf(podSpecOf(w))) {
                    ec.setEnv(new ArrayList<>(envVars().list(0, 2).generate(c)));
                }
                out.add(w);
            }
            out.addAll(K8sGenerators.serviceAccounts().list(0, 2).generate(c));
            out.addAll(namespaceObjects().list(0, 2).generate(c));
            out.addAll(roles().list(0, 2).generate(c));
            out.addAll(clusterRoles().list(0, 2).generate(c));
            out.addAll(roleBindings().list(0, 2).generate(c));
            out.addAll(clusterRoleBindings().list(0, 1).generate(c));
            out.addAll(networkPolicies().list(0, 3).generate(c));
            out.addAll(secrets().list(0, 2).generate(c));
            out.addAll(configMaps().list(0, 2).generate(c));
            out.addAll(externalSecrets().list(0, 2).generate(c));
            return unique(out);
        };
    }

    /** Drops objects whose kind, namespace and name repeat an earlier one. */
    private static List<HasMetadata> unique(List<HasMetadata> objects) {
        Set<String> seen = new HashSet<>();
        List<HasMetadata> out = new ArrayList<>();
        for (HasMetadata o : objects) {
            if (seen.add(o.getKind() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName())) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * Bundles that pass every built-in Kubernetes pack, with 1–3 workloads of random controller
     * kinds. See {@link #compliantBundles(List)}.
     *
     * @return the generator
     */
    public static Gen<List<HasMetadata>> compliantBundles() {
        return c -> {
            List<String> kinds = Gen.elements(K8sGenerators.workloadKinds()).list(1, 3).generate(c);
            return compliantBundles(kinds).generate(c);
        };
    }

    /**
     * Bundles that pass every built-in Kubernetes pack ({@code k8s-hardening}, Pod Security
     * baseline and restricted, the {@code pss} admission pack with a required enforce label of
     * {@code baseline}, {@code rbac}, {@code network-policies} and {@code secrets}), with one
     * workload of each given kind, in one or two workload namespaces. Each workload namespace has a
     * Namespace object with {@link #compliantNamespaces Pod Security labels}, default-deny ingress
     * and egress policies (one combined policy or two), and optionally an allow policy with
     * restricted peers and ports. Workloads use {@link K8sGenerators#compliantPodSpecs()}, a
     * dedicated ServiceAccount {@code app}, and env vars without credentials. RBAC is least
     * privilege: a Role and a ClusterRole with read-only rules, sometimes an aggregated
     * ClusterRole, bound to ServiceAccount {@code app}, named users and groups. Secrets come only
     * from ExternalSecrets with a store and a refresh interval; ConfigMaps hold plain settings.
     *
     * <p>Every bundle contains a Namespace, a Role, a ClusterRole, a RoleBinding, a
     * ClusterRoleBinding, an ExternalSecret, a ConfigMap and a NetworkPolicy with ingress rules
     * named {@code allow-http}, so that mutations find their targets.
     *
     * @param kinds the workload kinds, one workload each (see {@link K8sGenerators#workloadKinds()})
     * @return the generator
     */
    public static Gen<List<HasMetadata>> compliantBundles(List<String> kinds) {
        List<String> fixedKinds = List.copyOf(kinds);
        return c -> {
            List<HasMetadata> out = new ArrayList<>();
            int nsCount = 1 + c.choose(2);
            List<String> namespaces = WORKLOAD_NAMESPACES.subList(0, nsCount);
            for (String ns : namespaces) {
                out.add(compliantNamespaces(ns).generate(c));
                if (c.chance(0.5)) {
                    out.add(defaultDeny("default-deny", ns, List.of("Ingress", "Egress")));
                } else {
                    out.add(defaultDeny("default-deny-ingress", ns, List.of("Ingress")));
                    out.add(defaultDeny("default-deny-egress", ns, List.of("Egress")));
                }
                ServiceAccount sa = typed(new ServiceAccount(), "v1", meta("app", ns));
                sa.setAutomountServiceAccountToken(false);
                out.add(sa);
            }
            List<String> appNames = new ArrayList<>();
            for (int i = 0; i < fixedKinds.size(); i++) {
                String kind = fixedKinds.get(i);
                String name = kind.toLowerCase(java.util.Locale.ROOT) + "-" + i;
                String ns = namespaces.get(i % nsCount);
                PodSpec spec = K8sGenerators.compliantPodSpecs().generate(c);
                spec.setServiceAccountName(c.chance(0.7) ? "app" : null);
                for (EnvContainer ec : containersOf(spec)) {
                    List<EnvVar> env = new ArrayList<>();
                    if (c.chance(0.5)) {
                        env.add(new EnvVar("LOG_LEVEL", Gen.oneOf("info", "debug").generate(c), null));
                    }
                    if (c.chance(0.3)) {
                        env.add(configMapRef("FEATURES", "app-config", "features"));
                    }
                    if (c.chance(0.2)) {
                        env.add(new EnvVar("DB_PASSWORD_FILE", "/var/run/secrets/db/password", null));
                    }
                    ec.setEnv(env);
                }
                ContainerPort http = new ContainerPort();
                http.setName("http");
                http.setContainerPort(8080);
                spec.getContainers().get(0).setPorts(new ArrayList<>(List.of(http)));
                out.add(K8sGenerators.wrap(kind, meta(name, ns), spec));
                appNames.add(name);
            }
            out.add(allowHttp(c, namespaces.get(0), appNames.isEmpty() ? "none" : appNames.get(0)));
            out.addAll(compliantRbac(namespaces.get(0)).generate(c));
            String ns0 = namespaces.get(0);
            ConfigMap cm = typed(new ConfigMap(), "v1", meta("app-config", ns0));
            Map<String, String> data = new LinkedHashMap<>();
            data.put("features", "search,checkout");
            if (c.chance(0.5)) {
                data.put("app.properties", "server.port=8080\ndb.password.file=/var/run/secrets/db/password\n");
            }
            cm.setData(data);
            out.add(cm);
            Map<String, Object> store = new LinkedHashMap<>();
            store.put("name", Gen.oneOf("vault", "aws-secrets").generate(c));
            if (c.chance(0.7)) {
                store.put("kind", Gen.oneOf("ClusterSecretStore", "SecretStore").generate(c));
            }
            out.add(externalSecret("db-credentials", ns0, store, Gen.oneOf("1h", "15m", "24h").generate(c),
                    1 + c.choose(2)));
            if (c.chance(0.3)) {
                Secret token = typed(new Secret(), "v1", meta("app-token", ns0));
                token.setType("kubernetes.io/service-account-token");
                token.getMetadata().setAnnotations(new LinkedHashMap<>(Map.of("kubernetes.io/service-account.name",
                        "app")));
                out.add(token);
            }
            return out;
        };
    }

    private static NetworkPolicy allowHttp(Choices c, String ns, String app) {
        NetworkPolicy np = typed(new NetworkPolicy(), "networking.k8s.io/v1", meta("allow-http", ns));
        NetworkPolicySpec spec = new NetworkPolicySpec();
        spec.setPodSelector(selector(Map.of("app", app)));
        NetworkPolicyIngressRule in = new NetworkPolicyIngressRule();
        List<NetworkPolicyPeer> from = new ArrayList<>();
        NetworkPolicyPeer frontend = new NetworkPolicyPeer();
        frontend.setPodSelector(selector(Map.of("role", "frontend")));
        from.add(frontend);
        if (c.chance(0.5)) {
            NetworkPolicyPeer ingressNs = new NetworkPolicyPeer();
            ingressNs.setNamespaceSelector(selector(Map.of("kubernetes.io/metadata.name", "ingress-nginx")));
            from.add(ingressNs);
        }
        if (c.chance(0.3)) {
            NetworkPolicyPeer lb = new NetworkPolicyPeer();
            IPBlock block = new IPBlock();
            block.setCidr("10.0.0.0/8");
            block.setExcept(new ArrayList<>(List.of("10.0.5.0/24")));
            lb.setIpBlock(block);
            from.add(lb);
        }
        in.setFrom(from);
        NetworkPolicyPort port = new NetworkPolicyPort();
        switch (c.choose(3)) {
            case 0 -> port.setPort(new IntOrString("http"));
            case 1 -> port.setPort(new IntOrString(8080));
            default -> {
                port.setPort(new IntOrString(8000));
                port.setEndPort(8100);
            }
        }
        in.setPorts(new ArrayList<>(c.chance(0.8) ? List.of(port) : List.of()));
        spec.setIngress(new ArrayList<>(List.of(in)));
        List<String> types = new ArrayList<>(List.of("Ingress"));
        if (c.chance(0.5)) {
            NetworkPolicyEgressRule dns = new NetworkPolicyEgressRule();
            NetworkPolicyPeer kubeSystem = new NetworkPolicyPeer();
            kubeSystem.setNamespaceSelector(selector(Map.of("kubernetes.io/metadata.name", "kube-system")));
            dns.setTo(new ArrayList<>(List.of(kubeSystem)));
            NetworkPolicyPort p53 = new NetworkPolicyPort();
            p53.setPort(new IntOrString(53));
            p53.setProtocol("UDP");
            dns.setPorts(new ArrayList<>(List.of(p53)));
            spec.setEgress(new ArrayList<>(List.of(dns)));
            types.add("Egress");
        }
        spec.setPolicyTypes(types);
        np.setSpec(spec);
        return np;
    }

    /**
     * Least-privilege RBAC that passes the {@code rbac} pack: a Role {@code app-reader} with 1–3
     * read-only rules (some with {@code resourceNames}) bound to ServiceAccount {@code app} and
     * optionally a user and a group; a ClusterRole {@code namespace-viewer} (get/list/watch
     * namespaces) bound cluster-wide to group {@code sre}; and sometimes an aggregated ClusterRole
     * {@code monitoring} with a ClusterRole it collects.
     *
     * @param namespace the namespace of the Role and RoleBinding
     * @return the generator
     */
    public static Gen<List<HasMetadata>> compliantRbac(String namespace) {
        return c -> {
            List<HasMetadata> out = new ArrayList<>();
            Role role = typed(new Role(), RBAC_GROUP + "/v1", meta("app-reader", namespace));
            List<PolicyRule> rules = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (PolicyRule r : ((Gen<PolicyRule>) ClusterGenerators::safeRule).list(1, 3).generate(c)) {
                if (seen.add(r.getResources().get(0))) {
                    rules.add(r);
                }
            }
            role.setRules(rules);
            out.add(role);
            RoleBinding rb = typed(new RoleBinding(), RBAC_GROUP + "/v1", meta("app-reader", namespace));
            rb.setRoleRef(new RoleRef(RBAC_GROUP, "Role", "app-reader"));
            List<Subject> subjects = new ArrayList<>();
            subjects.add(new Subject(null, "ServiceAccount", "app", namespace));
            if (c.chance(0.4)) {
                subjects.add(new Subject(RBAC_GROUP, "User", "alice@example.com", null));
            }
            if (c.chance(0.4)) {
                subjects.add(new Subject(RBAC_GROUP, "Group", "dev-team", null));
            }
            rb.setSubjects(subjects);
            out.add(rb);
            ClusterRole viewer = typed(new ClusterRole(), RBAC_GROUP + "/v1", meta("namespace-viewer", null));
            viewer.setRules(new ArrayList<>(List.of(rule("", "namespaces", List.of("get", "list", "watch"),
                    List.of()))));
            out.add(viewer);
            ClusterRoleBinding crb = typed(new ClusterRoleBinding(), RBAC_GROUP + "/v1",
                    meta("sre-namespace-viewer", null));
            crb.setRoleRef(new RoleRef(RBAC_GROUP, "ClusterRole", "namespace-viewer"));
            crb.setSubjects(new ArrayList<>(List.of(new Subject(RBAC_GROUP, "Group", "sre", null))));
            out.add(crb);
            if (c.chance(0.4)) {
                ClusterRole monitoring = typed(new ClusterRole(), RBAC_GROUP + "/v1", meta("monitoring", null));
                monitoring.setAggregationRule(aggregation());
                out.add(monitoring);
                ClusterRole endpoints = typed(new ClusterRole(), RBAC_GROUP + "/v1",
                        meta("monitoring-endpoints", null));
                endpoints.getMetadata().setLabels(new LinkedHashMap<>(Map.of(AGGREGATE_LABEL, "true")));
                endpoints.setRules(new ArrayList<>(List.of(rule("", "endpoints", List.of("get", "list", "watch"),
                        List.of()), rule("", "services", List.of("get", "list"), List.of()))));
                out.add(endpoints);
                ClusterRoleBinding mb = typed(new ClusterRoleBinding(), RBAC_GROUP + "/v1",
                        meta("prometheus-monitoring", null));
                mb.setRoleRef(new RoleRef(RBAC_GROUP, "ClusterRole", "monitoring"));
                mb.setSubjects(new ArrayList<>(List.of(new Subject(null, "ServiceAccount", "prometheus",
                        "monitoring"))));
                out.add(mb);
            }
            return out;
        };
    }

    // ---------------------------------------------------------------- access

    /**
     * The live pod spec of a workload (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,
     * CronJob, ReplicationController), for changing a copy.
     *
     * @param workload the workload
     * @return its pod spec, or null if it has none or is not a workload
     */
    public static PodSpec podSpecOf(HasMetadata workload) {
        if (workload instanceof Pod p) {
            return p.getSpec();
        }
        if (workload instanceof Deployment d && d.getSpec() != null && d.getSpec().getTemplate() != null) {
            return d.getSpec().getTemplate().getSpec();
        }
        if (workload instanceof StatefulSet d && d.getSpec() != null && d.getSpec().getTemplate() != null) {
            return d.getSpec().getTemplate().getSpec();
        }
        if (workload instanceof DaemonSet d && d.getSpec() != null && d.getSpec().getTemplate() != null) {
            return d.getSpec().getTemplate().getSpec();
        }
        if (workload instanceof ReplicaSet d && d.getSpec() != null && d.getSpec().getTemplate() != null) {
            return d.getSpec().getTemplate().getSpec();
        }
        if (workload instanceof ReplicationController d && d.getSpec() != null && d.getSpec().getTemplate() != null) {
            return d.getSpec().getTemplate().getSpec();
        }
        if (workload instanceof Job d && d.getSpec() != null && d.getSpec().getTemplate() != null) {
            return d.getSpec().getTemplate().getSpec();
        }
        if (workload instanceof CronJob d && d.getSpec() != null && d.getSpec().getJobTemplate() != null
                && d.getSpec().getJobTemplate().getSpec() != null
                && d.getSpec().getJobTemplate().getSpec().getTemplate() != null) {
            return d.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        }
        return null;
    }

    /** A container of any slot whose env can be set. */
    private record EnvContainer(Object container) {
        void setEnv(List<EnvVar> env) {
            if (container instanceof Container ct) {
                ct.setEnv(env);
            } else {
                ((EphemeralContainer) container).setEnv(env);
            }
        }
    }

    private static List<EnvContainer> containersOf(PodSpec spec) {
        List<EnvContainer> out = new ArrayList<>();
        if (spec == null) {
            return out;
        }
        spec.getContainers().forEach(ct -> out.add(new EnvContainer(ct)));
        spec.getInitContainers().forEach(ct -> out.add(new EnvContainer(ct)));
        spec.getEphemeralContainers().forEach(ct -> out.add(new EnvContainer(ct)));
        return out;
    }
}
