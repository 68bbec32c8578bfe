package io.github.policydsl.examples.scan;

import io.github.policydsl.docker.packs.DockerfilePack;
import io.github.policydsl.k8s.network.NetworkPoliciesPack;
import io.github.policydsl.k8s.packs.K8sHardening;
import io.github.policydsl.k8s.pss.PodSecurityAdmission;
import io.github.policydsl.k8s.pss.PodSecurityStandards;
import io.github.policydsl.k8s.pss.PssLevel;
import io.github.policydsl.k8s.pss.PssVersion;
import io.github.policydsl.k8s.rbac.RbacPack;
import io.github.policydsl.k8s.secrets.SecretsPack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in packs by name. A name may carry a parameter after a colon (for example a version,
 * {@code pss-restricted:v1.30}); each resolver decides what it accepts.
 */
public final class Packs {

    /** Resolves a pack spec such as {@code k8s-hardening} or {@code pss-baseline:v1.24}. */
    @FunctionalInterface
    interface Resolver {
        /**
         * Resolves a spec.
         *
         * @param name the part before the colon
         * @param parameter the part after it, or null
         * @return the pack, or empty if this resolver does not know the name
         * @throws IllegalArgumentException if the name is known but the parameter is invalid
         */
        Optional<Pack> resolve(String name, String parameter);
    }

    private static final List<Resolver> RESOLVERS = List.of(
            fixed(Pack.ofManifests(K8sHardening.NAME, K8sHardening.policy(), true)),
            podSecurityStandard(PssLevel.BASELINE),
            podSecurityStandard(PssLevel.RESTRICTED),
            fixed(Pack.ofManifests(PodSecurityAdmission.NAME,
                    PodSecurityAdmission.builder().requireEnforceLabel(PssLevel.BASELINE).build().policy(), true)),
            fixed(Pack.ofManifests(RbacPack.NAME, RbacPack.policy(), true)),
            fixed(Pack.ofManifests(NetworkPoliciesPack.NAME, NetworkPoliciesPack.policy(), true)),
            fixed(Pack.ofManifests(SecretsPack.NAME, SecretsPack.policy(), true)),
            fixed(Pack.ofDockerfiles(DockerfilePack.NAME, DockerfilePack.policy(), true)));

    private Packs() {
    }

    private static Resolver fixed(Pack pack) {
        return (name, parameter) -> {
            if (!pack.name().equals(name)) {
                return Optional.empty();
            }
            if (parameter != null) {
                throw new IllegalArgumentException("pack " + name + " takes no parameter (got '" + parameter + "')");
            }
            return Optional.of(pack);
        };
    }

    /**
     * {@code pss-baseline[:VERSION]} or {@code pss-restricted[:VERSION]}: one Pod Security Standard at a
     * version ({@code latest} when none is given). Not a default pack: {@code pss} covers the defaults.
     */
    private static Resolver podSecurityStandard(PssLevel level) {
        String packName = PodSecurityStandards.policyName(level);
        return (name, parameter) -> {
            if (!packName.equals(name)) {
                return Optional.empty();
            }
            PssVersion version;
            try {
                version = parameter == null ? PssVersion.latest() : PssVersion.parse(parameter);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("pack " + name + ": " + e.getMessage()
                        + " (for example " + name + ":latest or " + name + ":v1.30)", e);
            }
            return Optional.of(Pack.ofManifests(packName, PodSecurityStandards.of(level, version), false));
        };
    }

    /**
     * Resolves a pack spec.
     *
     * @param spec e.g. {@code k8s-hardening}, {@code k8s-hardening@1.0.0} (pinned release)
     * @return the pack
     * @throws IllegalArgumentException for an unknown name or a bad parameter
     */
    public static Pack resolve(String spec) {
        int at = spec.lastIndexOf('@');
        if (at >= 0) {
            return pinned(resolve(spec.substring(0, at)), spec.substring(at + 1));
        }
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String parameter = colon < 0 ? null : spec.substring(colon + 1);
        for (Resolver r : RESOLVERS) {
            Optional<Pack> p = r.resolve(name, parameter);
            if (p.isPresent()) {
                return p.get();
            }
        }
        throw new IllegalArgumentException("unknown pack '" + spec + "' (known: " + String.join(", ", names()) + ")");
    }

    /**
     * A pack pinned to a release: only the rules that release had.
     *
     * @param pack the pack
     * @param version the release, e.g. {@code 1.0.0}
     * @return the pinned pack
     * @throws IllegalArgumentException for an unknown release
     */
    static Pack pinned(Pack pack, String version) {
        java.util.Set<String> ids = PackReleases.ruleIds(pack.name(), version).orElseThrow(() ->
                new IllegalArgumentException("pack " + pack.name() + " has no release '" + version + "'"
                        + (PackReleases.versions(pack.name()).isEmpty() ? " (it has no pinnable releases)"
                                : " (known: " + String.join(", ", PackReleases.versions(pack.name())) + ")")));
        return pack.restrictedTo(ids::contains, pack.name() + "@" + version);
    }

    /** The packs that run when no {@code --pack} is given (those that apply to the input). */
    public static List<Pack> defaults() {
        List<Pack> out = new ArrayList<>();
        for (String n : names()) {
            Pack p = resolve(n);
            if (p.isDefault()) {
                out.add(p);
            }
        }
        return out;
    }

    /** The names of all packs, without parameters. */
    public static List<String> names() {
        return List.of(K8sHardening.NAME, PodSecurityStandards.policyName(PssLevel.BASELINE),
                PodSecurityStandards.policyName(PssLevel.RESTRICTED), PodSecurityAdmission.NAME, RbacPack.NAME,
                NetworkPoliciesPack.NAME, SecretsPack.NAME, DockerfilePack.NAME);
    }
}
