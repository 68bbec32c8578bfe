package io.github.policydsl.k8s;

import io.github.policydsl.api.SubjectSource;
import io.github.policydsl.api.syntax.RuleDefinition;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.k8s.syntax.GivenContainers;
import io.github.policydsl.k8s.syntax.GivenPods;

import java.util.List;

/**
 * Entry points of the Kubernetes DSL. Import statically:
 *
 * <pre>{@code
 * import static io.github.policydsl.k8s.K8sRules.pods;
 *
 * Rule<Manifests> rule = pods().that().areInNamespace("production")
 *         .must().runAsNonRoot().dropAll()
 *         .because("production follows the restricted standard")
 *         .withId("acme.prod-non-root").withSeverity(Severity.HIGH);
 * }</pre>
 */
public final class K8sRules {

    private static final SubjectSource<Manifests, PodTemplate> PODS = SubjectSource.of("pods", PodTemplate::all);
    private static final SubjectSource<Manifests, ContainerRef> CONTAINERS = SubjectSource.of("containers",
            m -> PodTemplate.all(m).stream().flatMap(p -> p.containers().stream()).toList());
    private static final SubjectSource<Manifests, NamespaceSubject> NAMESPACES = SubjectSource.of("namespaces",
            NamespaceSubject::all);

    private K8sRules() {
    }

    /**
     * Every pod template: Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob,
     * ReplicationController and PodTemplate.
     *
     * @return the first step of a pod rule
     */
    public static GivenPods pods() {
        return new GivenPods(RuleSpec.of(PODS));
    }

    /**
     * Every container of every pod template, in all slots: {@code initContainers},
     * {@code containers} and {@code ephemeralContainers}.
     *
     * @return the first step of a container rule
     */
    public static GivenContainers containers() {
        return new GivenContainers(RuleSpec.of(CONTAINERS));
    }

    /**
     * Every {@code Namespace} object of the input, for rules on namespaces such as
     * {@code namespaces().must(PodSecurityAdmission.enforceLabelAtLeast(PssLevel.BASELINE))}.
     *
     * @return the first step of a namespace rule
     */
    public static RuleDefinition.Given<Manifests, NamespaceSubject> namespaces() {
        return RuleDefinition.all(NAMESPACES);
    }

    /**
     * The pod templates of an input, e.g. for property tests or custom tools.
     *
     * @param manifests the input
     * @return the pod templates in load order
     */
    public static List<PodTemplate> podTemplates(Manifests manifests) {
        return PodTemplate.all(manifests);
    }
}
