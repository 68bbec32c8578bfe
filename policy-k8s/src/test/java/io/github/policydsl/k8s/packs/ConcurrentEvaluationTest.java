package io.github.policydsl.k8s.packs;

import io.github.policydsl.api.Policy;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.ManifestLoader;
import io.github.policydsl.k8s.network.NetworkPoliciesPack;
import io.github.policydsl.k8s.pss.PodSecurityAdmission;
import io.github.policydsl.k8s.pss.PodSecurityStandards;
import io.github.policydsl.k8s.rbac.RbacPack;
import io.github.policydsl.k8s.secrets.SecretsPack;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Policies are shared, immutable values: one policy evaluated at the same time from many threads
 * (on one shared input, whose derived indexes are then built concurrently, and on separate
 * inputs) gives the same report as a single sequential evaluation; parallel rule evaluation too.
 */
class ConcurrentEvaluationTest {

    private static final List<Policy<Manifests>> PACKS = List.of(K8sHardening.policy(), PodSecurityStandards.baseline(),
            PodSecurityStandards.restricted(), PodSecurityAdmission.builder().build().policy(), RbacPack.policy(),
            NetworkPoliciesPack.policy(), SecretsPack.policy());

    private static Manifests samples() {
        return ManifestLoader.defaults().load(Path.of("..", "samples", "k8s"));
    }

    @Test
    void manyThreadsOnOneSharedInputGiveIdenticalReports() throws Exception {
        Manifests reference = samples();
        assertThat(reference.resources()).isNotEmpty();
        for (Policy<Manifests> p : PACKS) {
            Report expected = p.evaluate(reference);
            Manifests shared = samples();
            List<Report> got = concurrently(16, () -> p.evaluate(shared));
            for (Report r : got) {
                assertThat(r.results()).as(p.name()).isEqualTo(expected.results());
                assertThat(r.rules()).isEqualTo(expected.rules());
            }
        }
    }

    @Test
    void parallelRuleEvaluationEqualsSequential() {
        for (Policy<Manifests> p : PACKS) {
            Report sequential = p.evaluate(samples());
            Report parallel = p.evaluateParallel(samples(), 4);
            assertThat(parallel.results()).as(p.name()).isEqualTo(sequential.results());
            assertThat(parallel.violations()).isEqualTo(sequential.violations());
        }
    }

    @Test
    void sharedPassesOverSubjectsGiveTheReportOfRulesEvaluatedOneByOne() {
        for (Policy<Manifests> p : PACKS) {
            Manifests in = samples();
            List<Report> parts = new ArrayList<>();
            parts.add(new Report(in.loadErrors(), List.of(), in.inputs()));
            for (io.github.policydsl.api.Rule<Manifests> r : p.rules()) {
                parts.add(r.evaluateRuleOnly(samples()));
            }
            Report oneByOne = Report.merge(parts);
            Report shared = p.evaluate(in);
            assertThat(shared.results()).as(p.name()).isEqualTo(oneByOne.results());
            assertThat(shared.rules()).as(p.name()).isEqualTo(oneByOne.rules());
        }
    }

    static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
