package io.github.policydsl.k8s.network;

import io.github.policydsl.api.Policy;
import io.github.policydsl.api.Severity;
import io.github.policydsl.k8s.Manifests;

import static io.github.policydsl.k8s.K8sRules.namespaces;
import static io.github.policydsl.k8s.K8sRules.networkPolicies;
import static io.github.policydsl.k8s.K8sRules.pods;

/**
 * The {@code network-policies} pack: default-deny and isolation. Rule ids are stable once released.
 *
 * <table>
 * <caption>Rules</caption>
 * <tr><th>id</th><th>level</th><th>severity</th></tr>
 * <tr><td>{@value #DEFAULT_DENY_INGRESS}</td><td>must</td><td>HIGH</td></tr>
 * <tr><td>{@value #DEFAULT_DENY_EGRESS}</td><td>should</td><td>MEDIUM</td></tr>
 * <tr><td>{@value #POD_SELECTED}</td><td>must</td><td>MEDIUM</td></tr>
 * <tr><td>{@value #NO_ALLOW_ALL_INGRESS}</td><td>must</td><td>HIGH</td></tr>
 * </table>
 */
public final class NetworkPoliciesPack {

    /** The pack name. */
    public static final String NAME = "network-policies";
    /** The pack version. */
    public static final String VERSION = "1.0.0";

    /** Id: each namespace that runs workloads has a default-deny ingress policy. */
    public static final String DEFAULT_DENY_INGRESS = "k8s.network.default-deny-ingress";
    /** Id: each namespace that runs workloads should have a default-deny egress policy. */
    public static final String DEFAULT_DENY_EGRESS = "k8s.network.default-deny-egress";
    /** Id: each pod template is selected by some policy. */
    public static final String POD_SELECTED = "k8s.network.pod-selected";
    /** Id: no policy allows all ingress from everywhere. */
    public static final String NO_ALLOW_ALL_INGRESS = "k8s.network.no-allow-all-ingress";

    private static final Policy<Manifests> POLICY = Policy.<Manifests>named(NAME, VERSION).include(
            namespaces().thatRunWorkloads().must().haveDefaultDenyIngress().withId(DEFAULT_DENY_INGRESS)
                    .withSeverity(Severity.HIGH).allowEmptyShould(true)
                    .withRemediation("add a NetworkPolicy with podSelector: {} and policyTypes: [Ingress] to the namespace"),
            namespaces().thatRunWorkloads().should().haveDefaultDenyEgress().withId(DEFAULT_DENY_EGRESS)
                    .withSeverity(Severity.MEDIUM).allowEmptyShould(true)
                    .withRemediation("add a NetworkPolicy with podSelector: {} and policyTypes: [Egress], then allow DNS"),
            pods().must(NetworkConditions.beSelectedByANetworkPolicy()).withId(POD_SELECTED)
                    .withSeverity(Severity.MEDIUM).allowEmptyShould(true)
                    .withRemediation("add a default-deny policy to the namespace or a policy selecting these labels"),
            networkPolicies().must().notAllowAllIngress().withId(NO_ALLOW_ALL_INGRESS).withSeverity(Severity.HIGH)
                    .allowEmptyShould(true)
                    .withRemediation("restrict the rule with from: peers (podSelector/namespaceSelector) or ports"));

    private NetworkPoliciesPack() {
    }

    /** The pack. */
    public static Policy<Manifests> policy() {
        return POLICY;
    }
}
