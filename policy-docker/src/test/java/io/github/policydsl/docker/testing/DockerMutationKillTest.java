package io.github.policydsl.docker.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.policydsl.api.Rule;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.testing.Choices;
import io.github.policydsl.docker.DockerfileLoader;
import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.docker.packs.DockerfilePack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Mutation testing of the {@code dockerfile} pack: starting from compliant generated Dockerfiles,
 * every mutation must be caught by its rule (kill rate 100%), and must not change the verdict
 * (violated or not) of any rule it does not document. Prints a kill-rate table.
 */
class DockerMutationKillTest {

    private static final int FILES = 60;

    /** Per rule: whether it reported a FAIL, WARN or ERROR. */
    private static Map<String, Boolean> verdicts(Report r) {
        Map<String, Boolean> out = new TreeMap<>();
        for (Rule<Dockerfiles> rule : DockerfilePack.policy().rules()) {
            out.put(rule.id(), false);
        }
        for (RuleResult x : r.results()) {
            if (x.outcome() == Outcome.FAIL || x.outcome() == Outcome.WARN || x.outcome() == Outcome.ERROR) {
                out.put(x.rule().id(), true);
            }
        }
        return out;
    }

    private static Dockerfiles load(String text) {
        Dockerfiles d = DockerfileLoader.defaults().loadString(DockerfileGenerators.SOURCE_NAME, text);
        assertThat(d.errors()).as("load errors of\n%s", text).isEmpty();
        return d;
    }

    @Test
    void everyMutationIsKilledByItsRuleAndChangesNoUndocumentedVerdict() {
        Map<String, int[]> byRule = new TreeMap<>();
        for (Rule<Dockerfiles> rule : DockerfilePack.policy().rules()) {
            byRule.put(rule.id(), new int[2]);
        }
        Map<DockerMutation, int[]> byMutation = new LinkedHashMap<>();
        List<String> survivors = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        for (int seed = 0; seed < FILES; seed++) {
            String compliant = DockerfileGenerators.compliantDockerfileTexts().generate(Choices.random(seed));
            Map<String, Boolean> base = verdicts(DockerfilePack.policy().evaluate(load(compliant)));
            assertThat(base.values()).as("compliant file violates a rule:\n%s", compliant).doesNotContain(true);
            for (DockerMutation m : DockerMutations.dockerfilePack()) {
                assertThat(byRule).as("mutation %s names an unknown rule", m).containsKey(m.targetRule());
                Optional<String> mutated = m.applyTo(compliant);
                if (mutated.isEmpty()) {
                    continue;
                }
                Map<String, Boolean> after = verdicts(DockerfilePack.policy().evaluate(load(mutated.get())));
                int[] row = byRule.get(m.targetRule());
                int[] mrow = byMutation.computeIfAbsent(m, k -> new int[2]);
                row[0]++;
                mrow[0]++;
                if (after.get(m.targetRule())) {
                    row[1]++;
                    mrow[1]++;
                } else {
                    survivors.add(m + " survived on seed " + seed + ":\n" + mutated.get());
                }
                Set<String> changed = new TreeSet<>();
                after.forEach((rule, violated) -> {
                    if (!violated.equals(base.get(rule))) {
                        changed.add(rule);
                    }
                });
                changed.remove(m.targetRule());
                changed.removeAll(m.alsoAffects());
                if (!changed.isEmpty()) {
                    unexplained.add(m + " also changed " + changed + " on seed " + seed + ":\n" + mutated.get());
                }
            }
        }
        StringBuilder sb = new StringBuilder("dockerfile pack mutation kill rates over " + FILES
                + " compliant generated Dockerfiles\n");
        sb.append(String.format("%-34s %8s %8s %6s%n", "rule", "mutants", "killed", "rate"));
        byRule.forEach((rule, row) -> sb.append(String.format("%-34s %8d %8d %5.0f%%%n", rule, row[0], row[1],
                row[0] == 0 ? 0.0 : 100.0 * row[1] / row[0])));
        sb.append(String.format("%nper mutation%n%-90s %8s %8s%n", "mutation -> rule", "applied", "killed"));
        byMutation.forEach((m, row) -> sb.append(String.format("%-90s %8d %8d%n", m, row[0], row[1])));
        System.out.print(sb);
        assertThat(unexplained).as("mutations that changed undocumented rules").isEmpty();
        assertThat(survivors).as("surviving mutants").isEmpty();
        assertThat(byMutation.keySet()).as("every mutation applied at least once")
                .containsExactlyInAnyOrderElementsOf(DockerMutations.dockerfilePack());
        byRule.forEach((rule, row) -> {
            assertThat(row[0]).as("rule %s has no applied mutation", rule).isPositive();
            assertThat(row[1]).as("kills of %s", rule).isEqualTo(row[0]);
        });
        assertThat(byRule).hasSize(16);
    }

    @Test
    void mutationsDoNotChangeTheirInput() {
        String compliant = DockerfileGenerators.compliantDockerfileTexts().generate(Choices.random(7));
        String copy = new String(compliant.toCharArray());
        for (DockerMutation m : DockerMutations.dockerfilePack()) {
            m.applyTo(compliant);
        }
        assertThat(compliant).isEqualTo(copy);
    }

    @Test
    void repositoryStripsTagAndDigestButNotARegistryPort() {
        assertThat(DockerMutations.repository("registry.example.com:5000/team/base:1.0@sha256:ab")).isEqualTo(
                "registry.example.com:5000/team/base");
        assertThat(DockerMutations.repository("alpine")).isEqualTo("alpine");
        assertThat(DockerMutations.repository("localhost:5000/app")).isEqualTo("localhost:5000/app");
    }
}
