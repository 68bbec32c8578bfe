package io.github.policydsl.k8s.secrets;

import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.policydsl.k8s.ClusterFixtures.line;
import static io.github.policydsl.k8s.ClusterFixtures.load;
import static io.github.policydsl.k8s.ClusterFixtures.of;
import static org.assertj.core.api.Assertions.assertThat;

class SecretsPackTest {

    private static final String BAD = "bad-secrets.yaml";

    private static Report bad() {
        return SecretsPack.policy().evaluate(load(BAD));
    }

    @Test
    void lessonExternalSecretPasses() {
        Report r = SecretsPack.policy().evaluate(load("lesson-external-secret.yaml"));
        assertThat(r.violations()).isEmpty();
        assertThat(r.summary().pass()).isEqualTo(2);
    }

    @Test
    void secretValuesFailAtTheKeyWithTheBase64Lesson() {
        List<Violation> v = of(bad(), SecretsPack.SECRET_DATA);
        assertThat(v).extracting(x -> x.path().toString())
                .containsExactly("data.username", "data.password", "stringData.api-key");
        assertThat(v).allSatisfy(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(x.subject().name()).isEqualTo("db");
            assertThat(x.message()).contains("base64 is an encoding", "ExternalSecret", "SealedSecret")
                    .doesNotContain("supersecret", "sk_live");
        });
        assertThat(v.get(1).location().line()).isEqualTo(line(BAD, "password: c3VwZXJzZWNyZXQ=", 1));
    }

    @Test
    void placeholdersAndServiceAccountTokenSecretsAreJudgedSafe() {
        assertThat(of(bad(), SecretsPack.SECRET_DATA)).extracting(x -> x.subject().name())
                .doesNotContain("placeholders", "builder-token");
    }

    @Test
    void serviceAccountTokenWithARealTokenFails() {
        var m = io.github.policydsl.k8s.ClusterFixtures.yaml("""
                apiVersion: v1
                kind: Secret
                metadata: {name: t, annotations: {kubernetes.io/service-account.name: b}}
                type: kubernetes.io/service-account-token
                data: {token: ZXlKaGJHY2lPaUpTVXpJMU5pSjkuLi4=, namespace: ZGVmYXVsdA==}
                """);
        assertThat(SecretsPack.policy().evaluate(m).violations()).extracting(x -> x.path().toString())
                .containsExactly("data.token");
    }

    @Test
    void literalCredentialsInEnvWithFalsePositiveGuards() {
        List<Violation> v = of(bad(), SecretsPack.ENV_LITERAL);
        assertThat(v).extracting(x -> x.message().substring(0, x.message().indexOf(';')))
                .containsExactly(
                        "env DB_PASSWORD is named like a credential and has a literal value",
                        "env SIGNING holds a JSON Web Token",
                        "env AWS_ACCESS_KEY_ID holds an AWS access key id");
        assertThat(v.get(0).path().toString()).isEqualTo("spec.template.spec.containers[0].env[0].value");
        assertThat(v.get(0).location().line()).isEqualTo(line(BAD, "value: hunter2", 1));
        assertThat(v).allSatisfy(x -> assertThat(x.message()).doesNotContain("hunter2", "AKIA", "eyJ"));
    }

    @Test
    void secretsAsEnvVarsAreAShould() {
        List<Violation> v = of(bad(), SecretsPack.ENV_SECRET_REF);
        assertThat(v).extracting(Violation::outcome).containsOnly(Outcome.WARN);
        assertThat(v).extracting(x -> x.path().toString()).containsExactly(
                "spec.template.spec.containers[0].env[7].valueFrom.secretKeyRef",
                "spec.template.spec.containers[0].envFrom[0].secretRef");
    }

    @Test
    void configMapsCarryingCredentials() {
        List<Violation> v = of(bad(), SecretsPack.CONFIGMAP_CREDENTIALS);
        assertThat(v).extracting(x -> x.path().toString())
                .containsExactly("data.application.properties", "data.DATABASE_URL");
        assertThat(v.get(0).message()).contains("sets spring.datasource.password on line 3 of the file")
                .doesNotContain("hunter2");
        assertThat(v.get(1).message()).contains("a URL with an embedded password").doesNotContain("s3cr3t");
    }

    @Test
    void externalSecretNeedsAStoreAndARefreshInterval() {
        Report r = bad();
        assertThat(of(r, SecretsPack.EXTERNAL_SECRET_STORE)).singleElement().satisfies(x -> {
            assertThat(x.subject().name()).isEqualTo("no-store");
            assertThat(x.path().toString()).isEqualTo("spec.secretStoreRef.name");
            assertThat(x.location().line()).as("nearest existing node: spec").isEqualTo(line(BAD, "spec:", 3));
        });
        assertThat(of(r, SecretsPack.EXTERNAL_SECRET_REFRESH)).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.WARN);
            assertThat(x.message()).contains("disables refresh");
        });
    }
}
