package io.github.policydsl.k8s.network;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.github.policydsl.api.Condition;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.PodTemplate;
import io.github.policydsl.k8s.internal.network.Cidr;
import io.github.policydsl.k8s.internal.network.LabelSelectors;
import io.github.policydsl.k8s.load.LoadedResource;
import io.github.policydsl.k8s.syntax.ResourceSubject;

import java.util.List;

/** Ready-made NetworkPolicy conditions. Stateless and thread-safe. */
public final class NetworkConditions {

    private NetworkConditions() {
    }

    /**
     * The namespace has a default-deny policy for a direction.
     *
     * @param type {@code Ingress} or {@code Egress}
     * @return the condition
     */
    public static Condition<NamespaceSubject> haveDefaultDeny(String type) {
        String dir = type.toLowerCase(java.util.Locale.ROOT);
        return Condition.of("have a default-deny " + dir + " NetworkPolicy", (ns, events) -> {
            List<LoadedResource> deny = NetworkPolicyIndex.of(ns.manifests()).defaultDeny(ns.name(), type);
            if (deny.isEmpty()) {
                events.violated(ns.anchorPath(), "has no default-deny " + dir + " NetworkPolicy (podSelector: {}, "
                        + "policyTypes: [" + type + "], no " + dir + " rules); add one to namespace \"" + ns.name()
                        + "\" so that pods accept only the " + dir + " traffic a policy allows");
            } else {
                events.satisfied(ns.anchorPath(), "has default-deny " + dir + " NetworkPolicy " + deny.get(0).name());
            }
        });
    }

    /**
     * Some NetworkPolicy selects the pod template.
     *
     * @return the condition, reported at the template's labels
     */
    public static Condition<PodTemplate> beSelectedByANetworkPolicy() {
        return Condition.of("be selected by a NetworkPolicy", (pod, events) -> {
            FieldPath at = pod.metadataPath().child("labels");
            List<LoadedResource> sel = NetworkPolicyIndex.of(pod.manifests()).selecting(pod);
            if (sel.isEmpty()) {
                events.violated(at, "is selected by no NetworkPolicy in namespace \"" + pod.namespace()
                        + "\", so all traffic to and from it is allowed");
            } else {
                events.satisfied(at, "is selected by NetworkPolicy " + sel.get(0).name());
            }
        });
    }

    /**
     * No rule of a direction admits everything: no peers (or an {@code ipBlock} of {@code /0}
     * without {@code except}) and no ports.
     *
     * @param type {@code Ingress} or {@code Egress}
     * @return the condition, reported at the rule
     */
    public static Condition<ResourceSubject> notAllowAll(String type) {
        boolean ingress = "Ingress".equals(type);
        String dir = ingress ? "ingress" : "egress";
        return Condition.of("not allow all " + dir + (ingress ? " from everywhere" : " to everywhere"), (s, events) -> {
            if (!(s.resource().object() instanceof NetworkPolicy np)) {
                events.notApplicable(FieldPath.root(), "not a NetworkPolicy");
                return;
            }
            NetworkPolicySpec spec = np.getSpec() == null ? new NetworkPolicySpec() : np.getSpec();
            if (!NetworkPolicyIndex.hasType(s.resource(), type)) {
                events.satisfied(FieldPath.root().child("spec"), "does not govern " + dir);
                return;
            }
            List<?> rules = ingress ? spec.getIngress() : spec.getEgress();
            boolean any = false;
            for (int i = 0; rules != null && i < rules.size(); i++) {
                Object r = rules.get(i);
                if (r == null) {
                    continue;
                }
                List<NetworkPolicyPeer> peers = ingress
                        ? ((io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule) r).getFrom()
                        : ((io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule) r).getTo();
                List<NetworkPolicyPort> ports = ingress
                        ? ((io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule) r).getPorts()
                        : ((io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule) r).getPorts();
                if (everywhere(peers) && (ports == null || ports.isEmpty())) {
                    any = true;
                    events.violated(FieldPath.root().child("spec", dir).index(i), dir + "[" + i + "] allows all "
                            + dir + (ingress ? " from everywhere" : " to everywhere") + " to the pods it selects ("
                            + LabelSelectors.describe(spec.getPodSelector()) + ")");
                }
            }
            if (!any) {
                events.satisfied(FieldPath.root().child("spec"), "restricts " + dir);
            }
        });
    }

    private static boolean everywhere(List<NetworkPolicyPeer> peers) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer p : peers) {
            if (p != null && p.getIpBlock() != null && Cidr.isEverything(p.getIpBlock().getCidr())
                    && (p.getIpBlock().getExcept() == null || p.getIpBlock().getExcept().isEmpty())) {
                return true;
            }
        }
        return false;
    }
}
