package io.github.policydsl.bench;

import io.github.policydsl.api.Policy;
import io.github.policydsl.api.Rule;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.PodTemplate;
import io.github.policydsl.k8s.packs.K8sHardening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where k8s-hardening's evaluation time goes, each phase measured in its own loop (median of 20
 * rounds after 20 rounds of warm-up, fresh input each round): extracting the pod templates
 * (shared, computed once per input), the rules one at a time (one pass over the pods per rule,
 * then a merge) and the policy's single shared pass. Parallel evaluation is measured by JMH
 * ({@code d_evaluateK8sHardeningParallel2}), in a JVM of its own: in one JVM, switching between
 * the sequential and the parallel path makes the JIT recompile and the timings swing by 2-4x.
 */
public final class Breakdown {

    private Breakdown() {
    }

    /**
     * Runs it.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        Manifests m = Bundles.load(Bundles.entries(1));
        Policy<Manifests> p = K8sHardening.policy();
        double templates = time(m, f -> PodTemplate.all(f));
        double oneByOne = time(m, f -> {
            List<Report> parts = new ArrayList<>();
            for (Rule<Manifests> r : p.rules()) {
                parts.add(r.evaluateRuleOnly(f));
            }
            return Report.merge(parts);
        });
        double seq = time(m, p::evaluate);
        System.out.printf(Locale.ROOT, "pod templates %.1f ms; 13 rules one at a time %.1f ms; evaluate (one shared "
                + "pass) %.1f ms%n", templates, oneByOne, seq);
    }

    private static double time(Manifests m, java.util.function.Function<Manifests, Object> work) {
        double[] ms = new double[20];
        for (int i = 0; i < 40; i++) {
            Manifests f = Bundles.fresh(m);
            long t0 = System.nanoTime();
            work.apply(f);
            long t1 = System.nanoTime();
            if (i >= 20) {
                ms[i - 20] = (t1 - t0) / 1e6;
            }
        }
        java.util.Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
