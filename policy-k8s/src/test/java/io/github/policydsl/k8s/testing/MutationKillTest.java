package io.github.policydsl.k8s.testing;

import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.github.policydsl.api.Policy;
import io.github.policydsl.api.Rule;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.testing.Choices;
import io.github.policydsl.k8s.ContainerSlot;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.packs.K8sHardening;
import io.github.policydsl.k8s.pss.PodSecurityStandards;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutation testing of the built-in pod rules: starting from compliant generated pod specs, every
 * mutation, in every container slot it applies to and every controller wrapper, must be caught by
 * its rule (kill rate 100%), and must not change the verdict of any rule it does not document.
 */
class MutationKillTest {

    private static final Policy<Manifests> ALL_POD_RULES = Policy.<Manifests>named("pod-rules", "1")
            .include(K8sHardening.policy()).include(PodSecurityStandards.baseline())
            .include(PodSecurityStandards.restricted());

    private static Map<String, Outcome> verdicts(Report r) {
        Map<String, Outcome> out = new TreeMap<>();
        for (RuleResult x : r.results()) {
            out.merge(x.rule().id(), x.outcome(), (a, b) -> a == Outcome.PASS ? b : a);
        }
        return out;
    }

    @Test
    void everyMutationInEverySlotAndWrapperIsKilledByItsRule() {
        Map<String, int[]> table = new TreeMap<>();
        for (Rule<Manifests> rule : ALL_POD_RULES.rules()) {
            table.put(rule.id(), new int[2]);
        }
        List<String> unexplained = new ArrayList<>();
        int specs = 0;
        for (int seed = 0; seed < 12; seed++) {
            PodSpec compliant = K8sGenerators.compliantPodSpecs().generate(Choices.random(seed));
            ensureEveryslot(compliant);
            specs++;
            for (String kind : K8sGenerators.workloadKinds()) {
                Report before = ALL_POD_RULES.evaluate(Manifests.of(wrap(kind, compliant)));
                assertThat(before.violations(Outcome.FAIL, Outcome.ERROR, Outcome.WARN)).as("compliant %s", kind).isEmpty();
                Map<String, Outcome> base = verdicts(before);
                for (Mutation m : Mutations.podRules()) {
                    for (ContainerSlot slot : m.isContainerMutation() ? m.slots() : Set.of(ContainerSlot.CONTAINER)) {
                        PodSpec mutated = K8sGenerators.copy(compliant);
                        m.applyTo(mutated, slot, 0);
                        Map<String, Outcome> after = verdicts(ALL_POD_RULES.evaluate(Manifests.of(wrap(kind, mutated))));
                        int[] row = table.get(m.targetRule());
                        row[0]++;
                        if (after.get(m.targetRule()) == Outcome.FAIL) {
                            row[1]++;
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
                            unexplained.add(m.name() + " in " + slot + " of " + kind + " also changed " + changed);
                        }
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder("mutation kill rates over " + specs + " compliant specs x "
                + K8sGenerators.workloadKinds().size() + " controller kinds x container slots\n");
        sb.append(String.format("%-36s %8s %8s %6s%n", "rule", "mutants", "killed", "rate"));
        table.forEach((rule, row) -> sb.append(String.format("%-36s %8d %8d %5.0f%%%n", rule, row[0], row[1],
                row[0] == 0 ? 0.0 : 100.0 * row[1] / row[0])));
        System.out.print(sb);
        assertThat(unexplained).as("mutations that changed undocumented rules").isEmpty();
        table.forEach((rule, row) -> {
            assertThat(row[0]).as("rule %s has no mutation", rule).isPositive();
            assertThat(row[1]).as("kills of %s", rule).isEqualTo(row[0]);
        });
    }

    /** Makes sure the spec has a container in every slot, so that every slot is mutated. */
    private static void ensureEveryslot(PodSpec spec) {
        if (spec.getInitContainers().isEmpty()) {
            PodSpec donor = K8sGenerators.copy(spec);
            var init = donor.getContainers().get(0);
            init.setName("init-extra");
            spec.setInitContainers(new ArrayList<>(List.of(init)));
        }
        if (spec.getEphemeralContainers().isEmpty()) {
            var src = K8sGenerators.copy(spec).getContainers().get(0);
            EphemeralContainer e = new EphemeralContainer();
            e.setName("debug-extra");
            e.setImage(src.getImage());
            e.setSecurityContext(src.getSecurityContext());
            spec.setEphemeralContainers(new ArrayList<>(List.of(e)));
        }
    }

    private static HasMetadata wrap(String kind, PodSpec spec) {
        ObjectMeta meta = new ObjectMeta();
        meta.setName("w");
        meta.setNamespace("prod");
        return K8sGenerators.wrap(kind, meta, K8sGenerators.copy(spec));
    }
}
