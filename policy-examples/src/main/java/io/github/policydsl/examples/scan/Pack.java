package io.github.policydsl.examples.scan;

import io.github.policydsl.api.Policy;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleInfo;
import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.k8s.Manifests;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A pack the scanner can run: a name, its rule catalogue, which inputs it applies to and how to
 * evaluate it.
 *
 * @param name the name given to {@code --pack}
 * @param catalogue the rules
 * @param appliesTo whether the pack applies to an input
 * @param evaluate evaluates the pack
 * @param isDefault whether it runs when no {@code --pack} is given
 */
public record Pack(String name, List<RuleInfo> catalogue, Predicate<ScanInput> appliesTo,
        Function<ScanInput, Report> evaluate, boolean isDefault) {

    /**
     * A pack over Kubernetes manifests.
     *
     * @param name the name
     * @param policy the policy
     * @param isDefault whether it runs by default
     * @return the pack
     */
    public static Pack ofManifests(String name, Policy<Manifests> policy, boolean isDefault) {
        return new Pack(name, policy.catalogue(), ScanInput::hasManifests, in -> policy.evaluate(in.manifests()), isDefault);
    }

    /**
     * A pack over Dockerfiles.
     *
     * @param name the name
     * @param policy the policy
     * @param isDefault whether it runs by default
     * @return the pack
     */
    public static Pack ofDockerfiles(String name, Policy<Dockerfiles> policy, boolean isDefault) {
        return new Pack(name, policy.catalogue(), ScanInput::hasDockerfiles, in -> policy.evaluate(in.dockerfiles()),
                isDefault);
    }

    /**
     * This pack restricted to some rules (a pinned release or a rule selection); load errors are
     * kept.
     *
     * @param ruleIds which rule ids to keep
     * @param label the new name, e.g. {@code k8s-hardening@1.0.0}
     * @return a new pack
     */
    public Pack restrictedTo(Predicate<String> ruleIds, String label) {
        return new Pack(label, catalogue.stream().filter(r -> ruleIds.test(r.id())).toList(), appliesTo,
                in -> evaluate.apply(in).retainRules(ruleIds), isDefault);
    }
}
