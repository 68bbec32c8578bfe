package io.github.policydsl.k8s.testing;

import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.github.policydsl.api.Policy;
import io.github.policydsl.api.Rule;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.testing.Choices;
import io.github.policydsl.k8s.ContainerSlot;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.network.NetworkPoliciesPack;
import io.github.policydsl.k8s.packs.K8sHardening;
import io.github.policydsl.k8s.pss.PodSecurityAdmission;
import io.github.policydsl.k8s.pss.PodSecurityStandards;
import io.github.policydsl.k8s.pss.PssLevel;
import io.github.policydsl.k8s.rbac.RbacPack;
import io.github.policydsl.k8s.secrets.SecretsPack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutation testing of every built-in Kubernetes rule: {@code k8s-hardening}, Pod Security baseline
 * and restricted, the {@code pss} admission pack (as the scanner configures it: enforce label of
 * at least baseline required), {@code rbac}, {@code network-policies} and {@code secrets}.
 * Starting from compliant generated bundles with a workload of every controller kind and a
 * container in every slot, every mutation must be caught by its rule (kill rate 100%), pod
 * mutations in every slot and every wrapper, role mutations in a Role and a ClusterRole, binding
 * mutations in a RoleBinding and a ClusterRoleBinding; no mutation may change the verdict of a
 * rule it does not document. Prints the kill-rate table.
 */
class ClusterMutationKillTest {

    private static final Policy<Manifests> ALL_RULES = Policy.<Manifests>named("k8s-all", "1")
            .include(K8sHardening.policy())
            .include(PodSecurityStandards.baseline())
            .include(PodSecurityStandards.restricted())
            .include(PodSecurityAdmission.builder().requireEnforceLabel(PssLevel.BASELINE).build().policy())
            .include(RbacPack.policy())
            .include(NetworkPoliciesPack.policy())
            .include(SecretsPack.policy());

    private static final int BUNDLES = 3;

    /** The worst outcome per rule: ERROR, FAIL, WARN, PASS, SKIP. */
    private static Map<String, Outcome> verdicts(Report r) {
        List<Outcome> order = List.of(Outcome.SKIP, Outcome.PASS, Outcome.WARN, Outcome.FAIL, Outcome.ERROR);
        Map<String, Outcome> out = new TreeMap<>();
        for (RuleResult x : r.results()) {
            out.merge(x.rule().id(), x.outcome(), (a, b) -> order.indexOf(a) >= order.indexOf(b) ? a : b);
        }
        return out;
    }

    private static boolean caught(Outcome o) {
        return o == Outcome.FAIL || o == Outcome.WARN;
    }

    @Test
    void everyMutationOfEveryBuiltInRuleIsKilledInEveryWrapperAndSlot() {
        Map<String, int[]> table = new TreeMap<>();
        for (Rule<Manifests> rule : ALL_RULES.rules()) {
            table.put(rule.id(), new int[2]);
        }
        assertThat(table).as("13 hardening + 2 PSS + 5 pss admission + 13 rbac + 4 network + 6 secrets rules")
                .hasSize(13 + 2 + 5 + 13 + 4 + 6);
        List<String> unexplained = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        List<String> survivors = new ArrayList<>();
        List<ObjectMutation> mutations = mutations();
        for (int seed = 0; seed < BUNDLES; seed++) {
            List<HasMetadata> compliant = ClusterGenerators.compliantBundles(K8sGenerators.workloadKinds())
                    .generate(Choices.random(seed));
            compliant.forEach(o -> ensureEverySlot(ClusterGenerators.podSpecOf(o)));
            List<HasMetadata> pristine = K8sGenerators.copyAll(compliant);
            Report before = ALL_RULES.evaluate(Manifests.of(compliant));
            assertThat(before.violations(Outcome.FAIL, Outcome.ERROR, Outcome.WARN)).as("compliant bundle %d", seed)
                    .isEmpty();
            Map<String, Outcome> base = verdicts(before);
            for (ObjectMutation m : mutations) {
                Map<String, Outcome> after = verdicts(ALL_RULES.evaluate(Manifests.of(m.applyTo(compliant))));
                int[] row = table.get(m.targetRule());
                assertThat(row).as("unknown rule %s", m.targetRule()).isNotNull();
                row[0]++;
                if (caught(after.get(m.targetRule()))) {
                    row[1]++;
                } else {
                    survivors.add(m.name() + " (bundle " + seed + "): " + m.targetRule() + " " + after.get(m.targetRule()));
                }
                Set<String> changed = new TreeSet<>();
                after.forEach((rule, outcome) -> {
                    if (outcome != base.get(rule)) {
                        changed.add(rule);
                    }
                });
                changed.remove(m.targetRule());
                changed.removeAll(m.alsoAffects());
                if (!changed.isEmpty()) {
                    unexplained.add(m.name() + " (bundle " + seed + ") also changed " + changed);
                }
                // the admission simulation agrees with the standards it applies through the labels
                if (after.get(PodSecurityStandards.BASELINE_RULE_ID) == Outcome.FAIL
                        && after.get(PodSecurityAdmission.ENFORCE_RULE_ID) != Outcome.FAIL) {
                    disagreements.add(m.name() + ": fails baseline but passes enforce=baseline");
                }
                if (after.get(PodSecurityStandards.RESTRICTED_RULE_ID) == Outcome.FAIL
                        && !caught(after.get(PodSecurityAdmission.AUDIT_RULE_ID))) {
                    disagreements.add(m.name() + ": fails restricted but passes audit=restricted");
                }
            }
            assertThat(compliant).as("mutations never change their input").isEqualTo(pristine);
        }
        StringBuilder sb = new StringBuilder("mutation kill rates over " + BUNDLES + " compliant bundles ("
                + K8sGenerators.workloadKinds().size() + " controller kinds, every container slot, "
                + mutations.size() + " mutants each)\n");
        sb.append(String.format("%-45s %8s %8s %6s%n", "rule", "mutants", "killed", "rate"));
        int total = 0;
        int killed = 0;
        for (Map.Entry<String, int[]> e : table.entrySet()) {
            int[] row = e.getValue();
            total += row[0];
            killed += row[1];
            sb.append(String.format("%-45s %8d %8d %5.0f%%%n", e.getKey(), row[0], row[1],
                    row[0] == 0 ? 0.0 : 100.0 * row[1] / row[0]));
        }
        sb.append(String.format("%-45s %8d %8d %5.0f%%%n", "TOTAL (" + table.size() + " rules)", total, killed,
                total == 0 ? 0.0 : 100.0 * killed / total));
        System.out.print(sb);
        assertThat(survivors).as("surviving mutants").isEmpty();
        assertThat(unexplained).as("mutations that changed undocumented rules").isEmpty();
        assertThat(disagreements).as("admission disagreeing with the standards").isEmpty();
        table.forEach((rule, row) -> {
            assertThat(row[0]).as("rule %s has no mutation", rule).isPositive();
            assertThat(row[1]).as("kills of %s", rule).isEqualTo(row[0]);
        });
    }

    /** Pod mutations lifted into every wrapper and slot, then the bundle mutations. */
    private static List<ObjectMutation> mutations() {
        List<ObjectMutation> out = new ArrayList<>();
        List<Mutation> pod = new ArrayList<>(Mutations.podRules());
        pod.addAll(ClusterMutations.containerRules());
        for (String kind : K8sGenerators.workloadKinds()) {
            for (Mutation m : pod) {
                Set<String> affected = new HashSet<>(m.alsoAffects());
                affected.add(m.targetRule());
                Set<String> extra = ClusterMutations.admissionOverlaps(affected);
                for (ContainerSlot slot : m.isContainerMutation() ? m.slots() : Set.of(ContainerSlot.CONTAINER)) {
                    out.add(ObjectMutation.ofPodMutation(m, kind, slot, extra));
                }
            }
            out.add(ClusterMutations.podSelectionRules(kind));
        }
        out.addAll(ClusterMutations.bundleRules());
        return out;
    }

    /** Makes sure the spec has a container in every slot, so that every slot is mutated. */
    private static void ensureEverySlot(PodSpec spec) {
        if (spec == null) {
            return;
        }
        if (spec.getInitContainers().isEmpty()) {
            var init = K8sGenerators.copy(spec).getContainers().get(0);
            init.setName("init-extra");
            init.setPorts(new ArrayList<>());
            spec.setInitContainers(new ArrayList<>(List.of(init)));
        }
        if (spec.getEphemeralContainers().isEmpty()) {
            var src = K8sGenerators.copy(spec).getContainers().get(0);
            EphemeralContainer e = new EphemeralContainer();
            e.setName("debug-extra");
            e.setImage(src.getImage());
            e.setSecurityContext(src.getSecurityContext());
            e.setEnv(src.getEnv());
            spec.setEphemeralContainers(new ArrayList<>(List.of(e)));
        }
    }
}
