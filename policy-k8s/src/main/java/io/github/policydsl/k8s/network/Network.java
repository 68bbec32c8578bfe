package io.github.policydsl.k8s.network;

import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.PodTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reachability questions over the NetworkPolicies of a set of manifests, for unit tests:
 *
 * <pre>{@code
 * network(manifests).from("app=frontend").to("app=backend").on(8080).assertAllowed();
 * assertThat(network(manifests).from(PodSelection.all()).to("app=backend").on(5432).isDenied()).isTrue();
 * }</pre>
 *
 * <p>A question whose {@code from} or {@code to} selects no pod template throws, so a misspelt
 * label cannot make a test pass. With several templates on a side, {@code isAllowed()} holds when
 * every pair is allowed and {@code isDenied()} when every pair is denied; a pod template is never
 * paired with itself. Immutable.
 */
public final class Network {

    private final Manifests manifests;

    private Network(Manifests manifests) {
        this.manifests = Objects.requireNonNull(manifests, "manifests");
    }

    /**
     * Starts a question.
     *
     * @param manifests the input
     * @return the entry
     */
    public static Network network(Manifests manifests) {
        return new Network(manifests);
    }

    /**
     * Traffic from pod templates.
     *
     * @param selection the sources
     * @return the next step
     */
    public From from(PodSelection selection) {
        return new From(this, List.of(selection), null);
    }

    /**
     * Traffic from pod templates with labels.
     *
     * @param labels e.g. {@code app=frontend}
     * @return the next step
     */
    public From from(String labels) {
        return from(PodSelection.labelled(labels));
    }

    /**
     * Traffic from an address outside the modelled pods (matched by {@code ipBlock} peers).
     *
     * @param ip e.g. {@code 203.0.113.7}
     * @return the next step
     */
    public From fromIp(String ip) {
        return new From(this, List.of(), Objects.requireNonNull(ip));
    }

    /** The sources of a question. */
    public static final class From {
        private final Network network;
        private final List<PodSelection> pods;
        private final String ip;

        From(Network network, List<PodSelection> pods, String ip) {
            this.network = network;
            this.pods = pods;
            this.ip = ip;
        }

        /**
         * To pod templates.
         *
         * @param selection the destinations
         * @return the next step
         */
        public To to(PodSelection selection) {
            return new To(this, selection, null);
        }

        /**
         * To pod templates with labels.
         *
         * @param labels e.g. {@code app=backend}
         * @return the next step
         */
        public To to(String labels) {
            return to(PodSelection.labelled(labels));
        }

        /**
         * To an address outside the modelled pods.
         *
         * @param address e.g. {@code 8.8.8.8}
         * @return the next step
         */
        public To toIp(String address) {
            return new To(this, null, Objects.requireNonNull(address));
        }
    }

    /** Sources and destinations of a question. */
    public static final class To {
        private final From from;
        private final PodSelection pods;
        private final String ip;

        To(From from, PodSelection pods, String ip) {
            this.from = from;
            this.pods = pods;
            this.ip = ip;
        }

        /**
         * On a TCP port.
         *
         * @param port the destination port
         * @return the question
         */
        public Traffic on(int port) {
            return on(port, "TCP");
        }

        /**
         * On a port and protocol.
         *
         * @param port the destination port
         * @param protocol TCP, UDP or SCTP
         * @return the question
         */
        public Traffic on(int port, String protocol) {
            return new Traffic(this, port, protocol);
        }
    }

    /** A complete question: evaluate it with {@link #isAllowed()}, {@link #isDenied()} or {@link #verdicts()}. */
    public static final class Traffic {
        private final To to;
        private final int port;
        private final String protocol;

        Traffic(To to, int port, String protocol) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.to = to;
            this.port = port;
            this.protocol = Objects.requireNonNull(protocol, "protocol");
        }

        private List<Endpoint> endpoints(Manifests m, List<PodSelection> selections, String ip, String side) {
            if (ip != null) {
                return List.of(Endpoint.ip(ip));
            }
            List<Endpoint> out = new ArrayList<>();
            for (PodTemplate p : PodTemplate.all(m)) {
                if (selections.stream().anyMatch(s -> s.matches(p))) {
                    out.add(Endpoint.of(p));
                }
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("'" + side + "' (" + selections + ") selects no pod template");
            }
            return out;
        }

        /** One verdict per pair of source and destination. */
        public List<Verdict> verdicts() {
            Manifests m = to.from.network.manifests;
            NetworkPolicyIndex index = NetworkPolicyIndex.of(m);
            List<Endpoint> sources = endpoints(m, to.from.pods, to.from.ip, "from");
            List<Endpoint> dests = endpoints(m, to.pods == null ? List.of() : List.of(to.pods), to.ip, "to");
            List<Verdict> out = new ArrayList<>();
            for (Endpoint s : sources) {
                for (Endpoint d : dests) {
                    if (s.isPod() && d.isPod() && s.pod() == d.pod()) {
                        continue;
                    }
                    out.add(index.check(s, d, port, protocol));
                }
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("'from' and 'to' select the same single pod template");
            }
            return out;
        }

        /** Whether every pair is allowed. */
        public boolean isAllowed() {
            return verdicts().stream().allMatch(Verdict::allowed);
        }

        /** Whether every pair is denied. */
        public boolean isDenied() {
            return verdicts().stream().noneMatch(Verdict::allowed);
        }

        /** The verdicts as text, one paragraph per pair. */
        public String explain() {
            return String.join("\n", verdicts().stream().map(Verdict::explain).toList());
        }

        /**
         * Throws unless every pair is allowed.
         *
         * @throws AssertionError with the verdicts
         */
        public void assertAllowed() {
            if (!isAllowed()) {
                throw new AssertionError("expected traffic to be allowed:\n" + explain());
            }
        }

        /**
         * Throws unless every pair is denied.
         *
         * @throws AssertionError with the verdicts
         */
        public void assertDenied() {
            if (!isDenied()) {
                throw new AssertionError("expected traffic to be denied:\n" + explain());
            }
        }
    }
}
