/**
 * NetworkPolicy analysis: the {@link io.github.policydsl.k8s.network.NetworkPolicyIndex}
 * (selection, policy types, default-deny detection, reachability with Kubernetes semantics),
 * reachability questions for unit tests ({@link io.github.policydsl.k8s.network.Network}), DSL
 * subjects and conditions, and the {@code network-policies} pack
 * ({@link io.github.policydsl.k8s.network.NetworkPoliciesPack}).
 *
 * <p>Not modelled: pod IP addresses (an {@code ipBlock} never matches a pod, only an IP endpoint),
 * Services and their port mapping (ports are the pods' container ports), CNI-specific extensions
 * (Calico, Cilium policies, AdminNetworkPolicy), host-network pods, and traffic from the node.
 */
package io.github.policydsl.k8s.network;
