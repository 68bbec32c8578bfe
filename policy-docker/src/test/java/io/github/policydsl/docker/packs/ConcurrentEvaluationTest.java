package io.github.policydsl.docker.packs;

import io.github.policydsl.api.result.Report;
import io.github.policydsl.docker.DockerfileLoader;
import io.github.policydsl.docker.Dockerfiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The dockerfile pack evaluated from many threads at once, and rule-parallel, reports the same. */
class ConcurrentEvaluationTest {

    private static Dockerfiles samples() {
        return DockerfileLoader.defaults().load(Path.of("..", "samples", "docker"));
    }

    @Test
    void manyThreadsGiveIdenticalReports() throws Exception {
        Report expected = DockerfilePack.policy().evaluate(samples());
        assertThat(expected.results()).isNotEmpty();
        Dockerfiles shared = samples();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Report>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return DockerfilePack.policy().evaluate(shared);
                }));
            }
            start.countDown();
            for (Future<Report> f : futures) {
                assertThat(f.get().results()).isEqualTo(expected.results());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(DockerfilePack.policy().evaluateParallel(samples(), 4).results()).isEqualTo(expected.results());
    }
}
