package io.github.policydsl.examples.properties;

import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.github.policydsl.api.Policy;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.api.testing.Gen;
import io.github.policydsl.api.testing.Property;
import io.github.policydsl.api.testing.PropertyFailure;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.packs.K8sHardening;
import io.github.policydsl.k8s.pss.PodSecurityStandards;
import io.github.policydsl.k8s.testing.K8sGenerators;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Property-based tests of templating code: "every Deployment our template produces passes the
 * restricted Pod Security Standard and k8s-hardening", over generated app settings. A second test
 * runs the same property against a deliberately broken template and shows the shrunk, minimal
 * counterexample, printed as the YAML of the Deployment it renders.
 */
class DeploymentTemplatePropertiesTest {

    private static final Policy<Manifests> RESTRICTED_AND_HARDENED = Policy.<Manifests>named("template-checks", "1")
            .include(PodSecurityStandards.restricted())
            .include(K8sHardening.policy());

    private static final List<String> IMAGES = List.of(
            "registry.example.com/shop/api:1.4.2@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945",
            "ghcr.io/acme/worker:2.0@sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7");

    /** App settings as teams write them; every choice shrinks toward its first, simplest value. */
    static Gen<AppSettings> settings() {
        Gen<Map.Entry<String, String>> envEntries = Gen.oneOf(Map.entry("LOG_LEVEL", "info"),
                Map.entry("JAVA_OPTS", "-Xmx256m"), Map.entry("FEATURES", "search,checkout"));
        return c -> {
            String name = K8sGenerators.dnsLabels().generate(c);
            String image = Gen.elements(IMAGES).generate(c);
            int replicas = Gen.ints(1, 5).generate(c);
            int port = Gen.oneOf(8080, 8443, 80, 443, 3000).generate(c);
            int cpu = Gen.oneOf(100, 250, 500, 1000).generate(c);
            int memory = Gen.oneOf(64, 128, 512).generate(c);
            Map<String, String> env = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : envEntries.list(0, 3).generate(c)) {
                env.put(e.getKey(), e.getValue());
            }
            return new AppSettings(name, image, replicas, port, cpu, memory, env, c.chance(0.5));
        };
    }

    private static void passesRestrictedAndHardening(Deployment d) {
        Report r = RESTRICTED_AND_HARDENED.evaluate(Manifests.of(d));
        assertThat(r.violations(Outcome.FAIL, Outcome.WARN, Outcome.ERROR))
                .as(() -> r.violations(Outcome.FAIL).stream().map(Violation::toLine).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @Test
    void everyDeploymentTheTemplateProducesPassesRestrictedAndHardening() {
        DeploymentTemplate template = new DeploymentTemplate();
        Property.forAll(settings()).tries(200).seed(42)
                .printer(s -> K8sGenerators.toYaml(template.render(s)))
                .check(s -> passesRestrictedAndHardening(template.render(s)));
    }

    /**
     * A template with a realistic bug: to let apps listen on a port below 1024 it runs them as
     * root. The property finds it, and shrinking reduces the settings to the simplest app that
     * shows it: port 80, one replica, a one-letter name, no env, no writable /tmp.
     */
    static final class RootForLowPortsTemplate extends DeploymentTemplate {
        @Override
        protected SecurityContext containerSecurity(AppSettings s) {
            SecurityContext sc = super.containerSecurity(s);
            if (s.port() < 1024) {
                sc.setRunAsNonRoot(false);
                sc.setRunAsUser(0L);
            }
            return sc;
        }
    }

    @Test
    void aBrokenTemplateIsCaughtWithAShrunkMinimalCounterexample() {
        DeploymentTemplate broken = new RootForLowPortsTemplate();
        assertThatThrownBy(() -> Property.forAll(settings()).tries(200).seed(42)
                .printer(s -> K8sGenerators.toYaml(broken.render(s)))
                .check(s -> passesRestrictedAndHardening(broken.render(s))))
                .isInstanceOfSatisfying(PropertyFailure.class, failure -> {
                    System.out.println(failure.getMessage());
                    assertThat(failure.counterexample())
                            .isEqualTo(new AppSettings("a", IMAGES.get(0), 1, 80, 100, 64, Map.of(), false));
                    assertThat(failure.getMessage())
                            .contains("minimal counterexample:")
                            .contains("kind: \"Deployment\"")
                            .contains("containerPort: 80")
                            .contains("runAsUser: 0")
                            .contains("runAsNonRoot: false")
                            .doesNotContain("env:")
                            .doesNotContain("volumes:")
                            .contains("k8s.run-as-non-root");
                    assertThat(failure.seed()).isEqualTo(42L);
                });
    }
}
