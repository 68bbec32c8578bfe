package io.github.policydsl.k8s.assertj;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.github.policydsl.api.assertj.PolicyAssertions;
import io.github.policydsl.k8s.ContainerRef;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.PodTemplate;

import java.util.List;

/**
 * AssertJ entry point for Kubernetes objects and reports (also offers
 * {@link PolicyAssertions#assertThat(io.github.policydsl.api.result.Report)}). Needs
 * {@code org.assertj:assertj-core} on the test classpath.
 *
 * <pre>{@code
 * import static io.github.policydsl.k8s.assertj.K8sAssertions.assertThat;
 *
 * assertThat(deployment).runsAsNonRoot().container("app").dropsAllCapabilities().hasMemoryLimit();
 * }</pre>
 */
public final class K8sAssertions extends PolicyAssertions {

    private K8sAssertions() {
    }

    /**
     * Assertions on the pod template of an object (Pod, Deployment, CronJob, ...).
     *
     * @param object the object; must hold a pod template
     * @return the assertion
     * @throws IllegalArgumentException if the object has no pod template
     */
    public static PodAssert assertThat(HasMetadata object) {
        return new PodAssert(templateOf(object));
    }

    /**
     * Assertions on a pod template.
     *
     * @param pod the template
     * @return the assertion
     */
    public static PodAssert assertThat(PodTemplate pod) {
        return new PodAssert(pod);
    }

    /**
     * Assertions on a container.
     *
     * @param container the container
     * @return the assertion
     */
    public static ContainerAssert assertThat(ContainerRef container) {
        return new ContainerAssert(container);
    }

    static PodTemplate templateOf(HasMetadata object) {
        if (object == null) {
            return null;
        }
        List<PodTemplate> templates = PodTemplate.all(Manifests.of(object));
        if (templates.isEmpty()) {
            throw new IllegalArgumentException(object.getKind() + " " + object.getMetadata().getName()
                    + " holds no pod template");
        }
        return templates.get(0);
    }
}
