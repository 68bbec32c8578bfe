package io.github.policydsl.k8s.network;

import java.util.List;

/**
 * Whether a connection is allowed, with the reasons on both sides: the source's egress and the
 * destination's ingress (Kubernetes allows a connection only when both do).
 *
 * @param from the source
 * @param to the destination
 * @param port the destination port
 * @param protocol TCP, UDP or SCTP
 * @param egressAllowed whether the source's egress allows it
 * @param ingressAllowed whether the destination's ingress allows it
 * @param reasons one line per side, naming the policies and rules that decide
 */
public record Verdict(Endpoint from, Endpoint to, int port, String protocol, boolean egressAllowed,
        boolean ingressAllowed, List<String> reasons) {

    /** Copies the reasons. */
    public Verdict {
        reasons = List.copyOf(reasons);
    }

    /** Whether the connection is allowed (egress and ingress). */
    public boolean allowed() {
        return egressAllowed && ingressAllowed;
    }

    /** One paragraph: the verdict and the reasons. */
    public String explain() {
        return from.display() + " -> " + to.display() + " on " + port + "/" + protocol + ": "
                + (allowed() ? "ALLOWED" : "DENIED") + "\n  " + String.join("\n  ", reasons);
    }

    @Override
    public String toString() {
        return explain();
    }
}
