package io.github.policydsl.bench;

import io.github.policydsl.api.Rule;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.PodTemplate;
import io.github.policydsl.k8s.packs.K8sHardening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where k8s-hardening's evaluation time goes (medians of 15 rounds): extracting the pod templates
 * (shared, computed once per input), each rule's own evaluation, and the final merge of the
 * reports; the serial parts bound what rule-parallel evaluation can gain on 2 cores.
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
        int rounds = 15;
        double[] templates = new double[rounds];
        double[] rules = new double[rounds];
        double[] merge = new double[rounds];
        double[] seq = new double[rounds];
        double[] par = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            Manifests f = Bundles.fresh(m);
            long t0 = System.nanoTime();
            PodTemplate.all(f);
            long t1 = System.nanoTime();
            List<Report> parts = new ArrayList<>();
            for (Rule<Manifests> r : K8sHardening.policy().rules()) {
                parts.add(r.evaluateRuleOnly(f));
            }
            long t2 = System.nanoTime();
            Report.merge(parts);
            long t3 = System.nanoTime();
            K8sHardening.policy().evaluate(Bundles.fresh(m));
            long t4 = System.nanoTime();
            K8sHardening.policy().evaluateParallel(Bundles.fresh(m), 2);
            long t5 = System.nanoTime();
            templates[i] = (t1 - t0) / 1e6;
            rules[i] = (t2 - t1) / 1e6;
            merge[i] = (t3 - t2) / 1e6;
            seq[i] = (t4 - t3) / 1e6;
            par[i] = (t5 - t4) / 1e6;
        }
        System.out.printf(Locale.ROOT, "pod templates %.1f ms, 13 rules %.1f ms, merge %.1f ms; evaluate %.1f ms, "
                + "evaluateParallel(2) %.1f ms%n", med(templates), med(rules), med(merge), med(seq), med(par));
    }

    private static double med(double[] a) {
        double[] c = a.clone();
        java.util.Arrays.sort(c);
        return c[c.length / 2];
    }
}
