package io.github.policydsl.examples.scan;

import io.github.policydsl.k8s.packs.K8sHardening;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rule ids of each released version of the built-in packs, for pinning:
 * {@code --pack k8s-hardening@1.0.0} runs only the rules that version had, so that a library
 * upgrade that adds rules does not break a user's CI until they move the pin. Add an entry here
 * whenever a pack gains rules (a test checks that the newest release lists every current rule).
 */
public final class PackReleases {

    private static final Map<String, Map<String, Set<String>>> RELEASES = Map.of(
            K8sHardening.NAME, new TreeMap<>(Map.of(
                    "1.0.0", Set.of(K8sHardening.RUN_AS_NON_ROOT, K8sHardening.RUN_AS_USER_NOT_ROOT,
                            K8sHardening.SECCOMP, K8sHardening.NO_PRIVILEGE_ESCALATION, K8sHardening.READ_ONLY_ROOT_FS,
                            K8sHardening.DROP_ALL, K8sHardening.NOT_PRIVILEGED, K8sHardening.NO_HOST_NAMESPACES,
                            K8sHardening.RESOURCE_LIMITS, K8sHardening.RESOURCE_REQUESTS, K8sHardening.IMAGE_DIGEST,
                            K8sHardening.IMAGE_NO_LATEST, K8sHardening.NO_SA_TOKEN))));

    private PackReleases() {
    }

    /**
     * The rule ids of a pack release.
     *
     * @param pack the pack name
     * @param version the version, e.g. {@code 1.0.0}
     * @return the ids, or empty if the pack has no such release
     */
    public static Optional<Set<String>> ruleIds(String pack, String version) {
        return Optional.ofNullable(RELEASES.getOrDefault(pack, Map.of()).get(version));
    }

    /**
     * The released versions of a pack, oldest first.
     *
     * @param pack the pack name
     * @return the versions
     */
    public static List<String> versions(String pack) {
        return List.copyOf(RELEASES.getOrDefault(pack, Map.of()).keySet());
    }
}
