package io.github.policydsl.k8s.internal.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTest {

    @ParameterizedTest
    @ValueSource(strings = {"DB_PASSWORD", "PASSWORD", "dbPassword", "API_KEY", "apiKey", "api-key", "GITHUB_TOKEN",
        "CLIENT_SECRET", "AWS_SECRET_ACCESS_KEY", "PRIVATE_KEY", "REDIS_PASS", "spring.datasource.password",
        "SECRET_KEY", "CREDENTIALS"})
    void credentialNames(String name) {
        assertThat(Credentials.isCredentialName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASSWORD_FILE", "TOKEN_URL", "SECRET_NAME", "PWD", "PASSWORD_MIN_LENGTH", "TOKEN_TTL",
        "AWS_ACCESS_KEY_ID", "KEYCLOAK_URL", "PASSPORT_ID", "TOKENIZER_MODEL", "SECRETARY", "PASSTHROUGH",
        "BYPASS", "API_KEY_HEADER", "LOG_LEVEL", "ENABLE_SECRET_ROTATION", ""})
    void notCredentialNames(String name) {
        assertThat(Credentials.isCredentialName(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "$(DB_PASSWORD)", "${DB_PASSWORD}", "{{ .Values.password }}", "<password>",
        "changeme", "REPLACE_ME", "true", "/run/secrets/db", "\"\""})
    void placeholders(String value) {
        assertThat(Credentials.isPlaceholder(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hunter2", "$(A)$(B)x", "p@ss word", "${A}suffix}"})
    void notPlaceholders(String value) {
        assertThat(Credentials.isPlaceholder(value)).isFalse();
    }

    @Test
    void credentialShapes() {
        assertThat(Credentials.credentialShape("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----"))
                .contains("a private key");
        assertThat(Credentials.credentialShape("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"))
                .isEmpty();
        assertThat(Credentials.credentialShape("key=AKIAIOSFODNN7EXAMPLE")).contains("an AWS access key id");
        assertThat(Credentials.credentialShape("XAKIAIOSFODNN7EXAMPLE1")).isEmpty();
        assertThat(Credentials.credentialShape("ghp_" + "a".repeat(36))).contains("a GitHub token");
        assertThat(Credentials.credentialShape("https://user:pw1234567@example.com/x"))
                .contains("a URL with an embedded password");
        assertThat(Credentials.credentialShape("https://user:${PW}@example.com/x")).isEmpty();
        assertThat(Credentials.credentialShape("https://user@example.com/path:with@colon")).isEmpty();
        assertThat(Credentials.credentialShape("just a long harmless sentence")).isEmpty();
    }

    @Test
    void credentialLinesInConfigFiles() {
        assertThat(Credentials.credentialLine("a=1\n  \"password\": \"x9\",\n")).hasValueSatisfying(
                l -> assertThat(l).containsExactly(2, "password"));
        assertThat(Credentials.credentialLine("password: |\n  multi\n# token=abc\npassword=${PW}\n")).isEmpty();
    }

    @Test
    void adversarialInputsStayFast() {
        String evil = "eyJ".repeat(30_000) + "." + "a".repeat(30_000) + "://" + ":".repeat(20_000);
        long start = System.nanoTime();
        Credentials.credentialShape(evil);
        Credentials.credentialLine(evil);
        Credentials.isCredentialName(evil);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }
}
