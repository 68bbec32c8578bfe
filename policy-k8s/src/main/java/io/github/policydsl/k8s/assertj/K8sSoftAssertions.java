package io.github.policydsl.k8s.assertj;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.github.policydsl.api.assertj.ReportAssert;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.k8s.PodTemplate;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;

import java.util.function.Consumer;

/**
 * Soft assertions for Kubernetes objects and reports: every failure is collected and reported
 * together.
 *
 * <pre>{@code
 * K8sSoftAssertions.assertSoftly(softly -> {
 *     softly.assertThat(pod).runsAsNonRoot();
 *     softly.assertThat(pod).dropsAllCapabilities();
 * });
 * }</pre>
 */
public class K8sSoftAssertions extends AbstractSoftAssertions {

    /** Creates an empty collector. */
    public K8sSoftAssertions() {
    }

    /**
     * Soft assertions on the pod template of an object.
     *
     * @param object the object
     * @return the assertion
     */
    public PodAssert assertThat(HasMetadata object) {
        return proxy(PodAssert.class, PodTemplate.class, K8sAssertions.templateOf(object));
    }

    /**
     * Soft assertions on a report.
     *
     * @param report the report
     * @return the assertion
     */
    public ReportAssert assertThat(Report report) {
        return proxy(ReportAssert.class, Report.class, report);
    }

    /**
     * Runs soft assertions and fails with all collected errors.
     *
     * @param softly the assertions
     */
    public static void assertSoftly(Consumer<K8sSoftAssertions> softly) {
        SoftAssertionsProvider.assertSoftly(K8sSoftAssertions.class, softly);
    }
}
