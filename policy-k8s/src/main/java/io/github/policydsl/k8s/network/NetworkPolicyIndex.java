package io.github.policydsl.k8s.network;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.github.policydsl.k8s.ContainerRef;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.PodTemplate;
import io.github.policydsl.k8s.internal.network.Cidr;
import io.github.policydsl.k8s.internal.network.LabelSelectors;
import io.github.policydsl.k8s.load.LoadedResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The NetworkPolicy model of a set of manifests, with Kubernetes semantics:
 * <ul>
 * <li>a policy selects the pods of its own namespace that its {@code podSelector} matches
 * ({@code {}} selects all; {@code matchLabels} and {@code matchExpressions});</li>
 * <li>{@code policyTypes}: when absent, Ingress always, and Egress only when the policy has
 * egress rules;</li>
 * <li>a pod is isolated for a direction when some policy of that type selects it; then only the
 * union of those policies' rules is allowed;</li>
 * <li>peers: {@code podSelector} alone means pods of the policy's namespace;
 * {@code namespaceSelector} (matched against the Namespace object's labels plus
 * {@code kubernetes.io/metadata.name}) alone means all pods of those namespaces; both means
 * matching pods in matching namespaces; {@code ipBlock} (with {@code except}) matches IP
 * endpoints only; an empty or absent {@code from}/{@code to} matches everything;</li>
 * <li>ports: numbers, ranges with {@code endPort}, protocols (default TCP), and named ports
 * resolved against the destination pod's container ports; an empty {@code ports} matches all.</li>
 * </ul>
 * Built once per input ({@link #of(Manifests)}); immutable and thread-safe.
 */
public final class NetworkPolicyIndex {

    /** The label every namespace carries with its own name. */
    public static final String NAME_LABEL = "kubernetes.io/metadata.name";

    private final List<LoadedResource> policies;
    private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();

    private NetworkPolicyIndex(Manifests manifests) {
        this.policies = manifests.resources(NetworkPolicy.class);
        for (LoadedResource r : manifests.resources(Namespace.class)) {
            Map<String, String> labels = new HashMap<>();
            var meta = r.object().getMetadata();
            if (meta != null && meta.getLabels() != null) {
                labels.putAll(meta.getLabels());
            }
            labels.put(NAME_LABEL, r.name());
            namespaceLabels.putIfAbsent(r.name(), Map.copyOf(labels));
        }
    }

    /**
     * The index of an input, computed once and cached on it.
     *
     * @param manifests the input
     * @return the index
     */
    public static NetworkPolicyIndex of(Manifests manifests) {
        return manifests.derived(NetworkPolicyIndex.class, NetworkPolicyIndex::new);
    }

    /** Every NetworkPolicy, in load order. */
    public List<LoadedResource> policies() {
        return policies;
    }

    /**
     * The labels of a namespace: those of its Namespace object, plus {@code kubernetes.io/metadata.name}.
     *
     * @param namespace the name
     * @return the labels
     */
    public Map<String, String> namespaceLabels(String namespace) {
        return namespaceLabels.getOrDefault(namespace, Map.of(NAME_LABEL, namespace));
    }

    private static NetworkPolicySpec spec(LoadedResource policy) {
        NetworkPolicySpec s = ((NetworkPolicy) policy.object()).getSpec();
        return s == null ? new NetworkPolicySpec() : s;
    }

    /**
     * Whether a policy is of a type, explicit or implied.
     *
     * @param policy a NetworkPolicy
     * @param type {@code Ingress} or {@code Egress}
     * @return true if the policy governs that direction
     */
    public static boolean hasType(LoadedResource policy, String type) {
        NetworkPolicySpec s = spec(policy);
        List<String> types = s.getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types.contains(type);
        }
        return "Ingress".equals(type) || (s.getEgress() != null && !s.getEgress().isEmpty());
    }

    /**
     * Whether a policy selects a pod template.
     *
     * @param policy a NetworkPolicy
     * @param pod the pod template
     * @return true if same namespace and the podSelector matches
     */
    public static boolean selects(LoadedResource policy, PodTemplate pod) {
        if (!policy.effectiveNamespace().equals(pod.namespace())) {
            return false;
        }
        LabelSelector sel = spec(policy).getPodSelector();
        return sel == null || LabelSelectors.matches(sel, pod.labels());
    }

    /**
     * The policies that select a pod template.
     *
     * @param pod the pod template
     * @return the policies, in load order
     */
    public List<LoadedResource> selecting(PodTemplate pod) {
        return policies.stream().filter(p -> selects(p, pod)).toList();
    }

    /**
     * Whether a policy denies a direction to every pod of its namespace: empty podSelector, the
     * type, and no rules for that direction.
     *
     * @param policy a NetworkPolicy
     * @param type {@code Ingress} or {@code Egress}
     * @return true for a default-deny policy
     */
    public static boolean isDefaultDeny(LoadedResource policy, String type) {
        NetworkPolicySpec s = spec(policy);
        LabelSelector sel = s.getPodSelector();
        boolean all = sel == null || LabelSelectors.isEmpty(sel);
        List<?> rules = "Ingress".equals(type) ? s.getIngress() : s.getEgress();
        return all && hasType(policy, type) && (rules == null || rules.isEmpty());
    }

    /**
     * The default-deny policies of a namespace for a direction.
     *
     * @param namespace the namespace
     * @param type {@code Ingress} or {@code Egress}
     * @return the policies
     */
    public List<LoadedResource> defaultDeny(String namespace, String type) {
        return policies.stream().filter(p -> p.effectiveNamespace().equals(namespace) && isDefaultDeny(p, type))
                .toList();
    }

    /**
     * Whether a connection is allowed.
     *
     * @param from the source
     * @param to the destination
     * @param port the destination port
     * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
     * @return the verdict with reasons
     */
    public Verdict check(Endpoint from, Endpoint to, int port, String protocol) {
        String proto = protocol.toUpperCase(Locale.ROOT);
        List<String> reasons = new ArrayList<>();
        boolean egress = side(from, to, port, proto, "Egress", reasons);
        boolean ingress = side(to, from, port, proto, "Ingress", reasons);
        return new Verdict(from, to, port, proto, egress, ingress, reasons);
    }

    private boolean side(Endpoint self, Endpoint peer, int port, String proto, String type, List<String> reasons) {
        String dir = "Ingress".equals(type) ? "ingress" : "egress";
        if (!self.isPod()) {
            reasons.add(dir + ": " + self.display() + " is outside the modelled pods (not restricted here)");
            return true;
        }
        List<LoadedResource> governing = selecting(self.pod()).stream().filter(p -> hasType(p, type)).toList();
        if (governing.isEmpty()) {
            reasons.add(dir + ": no " + type + " NetworkPolicy selects " + self.display() + ", so it is not isolated");
            return true;
        }
        PodTemplate dest = "Ingress".equals(type) ? self.pod() : peer.pod();
        for (LoadedResource p : governing) {
            String ns = p.effectiveNamespace();
            if ("Ingress".equals(type)) {
                List<NetworkPolicyIngressRule> rules = spec(p).getIngress();
                for (int i = 0; rules != null && i < rules.size(); i++) {
                    NetworkPolicyIngressRule r = rules.get(i);
                    if (r != null && peers(r.getFrom(), ns, peer) && ports(r.getPorts(), dest, port, proto)) {
                        reasons.add("ingress: allowed by NetworkPolicy " + ns + "/" + p.name() + " ingress[" + i + "]");
                        return true;
                    }
                }
            } else {
                List<NetworkPolicyEgressRule> rules = spec(p).getEgress();
                for (int i = 0; rules != null && i < rules.size(); i++) {
                    NetworkPolicyEgressRule r = rules.get(i);
                    if (r != null && peers(r.getTo(), ns, peer) && ports(r.getPorts(), dest, port, proto)) {
                        reasons.add("egress: allowed by NetworkPolicy " + ns + "/" + p.name() + " egress[" + i + "]");
                        return true;
                    }
                }
            }
        }
        reasons.add(dir + ": denied; " + self.display() + " is selected by " + names(governing)
                + " and no " + dir + " rule matches " + peer.display() + " on " + port + "/" + proto);
        return false;
    }

    private static String names(List<LoadedResource> ps) {
        return String.join(", ", ps.stream().map(p -> "NetworkPolicy " + p.effectiveNamespace() + "/" + p.name())
                .toList());
    }

    private boolean peers(List<NetworkPolicyPeer> peers, String policyNamespace, Endpoint ep) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer != null && peer(peer, policyNamespace, ep)) {
                return true;
            }
        }
        return false;
    }

    private boolean peer(NetworkPolicyPeer peer, String policyNamespace, Endpoint ep) {
        IPBlock block = peer.getIpBlock();
        if (block != null) {
            if (ep.isPod()) {
                return false;
            }
            if (!Cidr.contains(block.getCidr(), ep.ip())) {
                return false;
            }
            List<String> except = block.getExcept() == null ? List.of() : block.getExcept();
            return except.stream().noneMatch(e -> Cidr.contains(e, ep.ip()));
        }
        if (!ep.isPod()) {
            return false;
        }
        LabelSelector nsSel = peer.getNamespaceSelector();
        LabelSelector podSel = peer.getPodSelector();
        if (nsSel == null && podSel == null) {
            return false;
        }
        PodTemplate pod = ep.pod();
        boolean nsOk = nsSel == null ? pod.namespace().equals(policyNamespace)
                : LabelSelectors.matches(nsSel, namespaceLabels(pod.namespace()));
        return nsOk && (podSel == null || LabelSelectors.matches(podSel, pod.labels()));
    }

    private static boolean ports(List<NetworkPolicyPort> ports, PodTemplate dest, int port, String proto) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            if (p == null) {
                continue;
            }
            String pp = p.getProtocol() == null ? "TCP" : p.getProtocol().toUpperCase(Locale.ROOT);
            if (!pp.equals(proto)) {
                continue;
            }
            IntOrString v = p.getPort();
            if (v == null || (v.getIntVal() == null && v.getStrVal() == null)) {
                return true;
            }
            if (v.getIntVal() != null) {
                int start = v.getIntVal();
                int end = p.getEndPort() != null ? p.getEndPort() : start;
                if (port >= start && port <= end) {
                    return true;
                }
            } else if (dest != null && namedPort(dest, v.getStrVal(), proto).filter(n -> n == port).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Resolves a named port against a pod template's container ports.
     *
     * @param pod the pod template
     * @param name the port name
     * @param protocol the protocol
     * @return the container port number, if some container declares the name for the protocol
     */
    public static Optional<Integer> namedPort(PodTemplate pod, String name, String protocol) {
        for (ContainerRef c : pod.containers()) {
            Container container = c.container();
            if (container.getPorts() == null) {
                continue;
            }
            for (ContainerPort cp : container.getPorts()) {
                String proto = cp.getProtocol() == null ? "TCP" : cp.getProtocol().toUpperCase(Locale.ROOT);
                if (name.equals(cp.getName()) && proto.equals(protocol) && cp.getContainerPort() != null) {
                    return Optional.of(cp.getContainerPort());
                }
            }
        }
        return Optional.empty();
    }
}
