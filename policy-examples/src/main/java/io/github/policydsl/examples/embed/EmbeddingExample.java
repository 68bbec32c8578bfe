package io.github.policydsl.examples.embed;

import io.github.policydsl.api.Condition;
import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.api.Policy;
import io.github.policydsl.api.Rule;
import io.github.policydsl.api.Severity;
import io.github.policydsl.api.report.TextReportWriter;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.k8s.ContainerRef;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.PodTemplate;
import io.github.policydsl.k8s.load.ManifestLoader;
import io.github.policydsl.k8s.packs.K8sHardening;

import java.nio.file.Path;

import static io.github.policydsl.k8s.K8sRules.containers;
import static io.github.policydsl.k8s.K8sRules.pods;

/**
 * Embedding the library in your own tool: load a directory of manifests, evaluate the built-in
 * pack plus two team rules, write a text report and derive an exit code.
 *
 * <p>Run: {@code java -cp policy-examples/target/policy-scan.jar
 * io.github.policydsl.examples.embed.EmbeddingExample samples/k8s}
 */
public final class EmbeddingExample {

    /** Images must come from the team's registry. A custom condition with a field-level location. */
    public static final Condition<ContainerRef> APPROVED_REGISTRY = Condition.of(
            "use images from registry.example.com", (c, events) -> {
                if (c.image().startsWith("registry.example.com/")) {
                    events.satisfied(c.field("image"), "uses " + c.image());
                } else {
                    events.violated(c.field("image"), "uses image " + c.image() + " from an unapproved registry");
                }
            });

    /** Production pods: a custom predicate with a plural clause for the rule sentence. */
    public static final DescribedPredicate<PodTemplate> PRODUCTION = DescribedPredicate.describe(
            "run in production", p -> p.namespace().startsWith("prod"));

    /** The team's rules. */
    public static final Rule<Manifests> REGISTRY = containers().must(APPROVED_REGISTRY)
            .withId("acme.approved-registry").withSeverity(Severity.HIGH).allowEmptyShould(true);

    /** Production pods run in a sandboxed runtime. */
    public static final Rule<Manifests> SANDBOXED = pods().that(PRODUCTION).should().useRuntimeClass("gvisor", "kata")
            .because("production runs untrusted plugins").withId("acme.sandboxed-runtime").allowEmptyShould(true);

    /** The whole policy: the built-in pack plus the team's rules. */
    public static final Policy<Manifests> POLICY = Policy.<Manifests>named("acme-k8s", "1.0.0")
            .include(K8sHardening.policy()).include(REGISTRY, SANDBOXED);

    private EmbeddingExample() {
    }

    /**
     * Scans a directory and returns the report.
     *
     * @param dir the manifests
     * @return the report
     */
    public static Report scan(Path dir) {
        Manifests manifests = ManifestLoader.defaults().load(dir);
        return POLICY.evaluate(manifests);
    }

    /**
     * Runs the example.
     *
     * @param args one directory
     */
    public static void main(String[] args) {
        Report report = scan(Path.of(args.length > 0 ? args[0] : "samples/k8s"));
        System.out.print(TextReportWriter.standard().render(report));
        System.exit(report.isCompliant() ? 0 : 1);
    }
}
