package io.github.policydsl.bench;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.packs.K8sHardening;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks that the compared implementations agree before anyone reads their timings: the bundle's
 * size, that every object loads both ways, and that the ten checks find the same violations
 * (per rule id) as DSL rules, as CEL and by hand; and that parallel evaluation equals sequential.
 */
public final class Sanity {

    private Sanity() {
    }

    /**
     * Runs the checks.
     *
     * @param args [scale]
     */
    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        List<BundleGenerator.Entry> entries = Bundles.entries(scale);
        System.out.printf("bundle: %d files, %d objects, %.1f MB%n", entries.size(), BundleGenerator.objects(entries),
                BundleGenerator.bytes(entries) / 1e6);
        ObjectReader typed = YAMLMapper.builder().build().readerFor(KubernetesResource.class);
        long n = 0;
        for (BundleGenerator.Entry e : entries) {
            try (MappingIterator<KubernetesResource> it = typed.readValues(e.content())) {
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
            }
        }
        System.out.println("fabric8 via Jackson YAML: " + n + " objects");
        Manifests m = Bundles.load(entries);
        System.out.println("our loader: " + m.resources().size() + " objects, " + m.errors().size() + " errors"
                + (m.errors().isEmpty() ? "" : " first: " + m.errors().get(0)));
        Report dsl = Bundles.tenChecks().evaluate(Bundles.fresh(m));
        Map<String, Long> dslCounts = new TreeMap<>(dsl.violations(Outcome.FAIL).stream()
                .collect(Collectors.groupingBy(Violation::ruleId, Collectors.counting())));
        Map<String, Long> dslPods = new TreeMap<>(dsl.results().stream().filter(r -> r.outcome() == Outcome.FAIL)
                .collect(Collectors.groupingBy(r -> r.rule().id(), Collectors.counting())));
        Map<String, Long> hand = new TreeMap<>(HandWritten.check(m).stream()
                .collect(Collectors.groupingBy(HandWritten.Finding::ruleId, Collectors.counting())));
        Map<String, Long> cel = new TreeMap<>(new CelChecks().check(m).stream()
                .collect(Collectors.groupingBy(CelChecks.Finding::ruleId, Collectors.counting())));
        Report handReport = new HandWrittenReport(Bundles.tenChecks()).check(m);
        System.out.println("hand-written report equals the DSL's: " + handReport.results().equals(dsl.results())
                + " (" + handReport.results().size() + " results)");
        System.out.println("DSL violations per rule:        " + dslCounts);
        System.out.println("hand-written findings per rule: " + hand);
        System.out.println("DSL failing pods per rule:      " + dslPods);
        System.out.println("CEL failing pods per rule:      " + cel);
        Report seq = K8sHardening.policy().evaluate(Bundles.fresh(m));
        Report par = K8sHardening.policy().evaluateParallel(Bundles.fresh(m), 2);
        System.out.println("k8s-hardening: " + seq.summary() + "; parallel equals sequential: "
                + seq.results().equals(par.results()));
    }
}
