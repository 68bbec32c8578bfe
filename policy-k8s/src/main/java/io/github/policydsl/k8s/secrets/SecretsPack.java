package io.github.policydsl.k8s.secrets;

import io.github.policydsl.api.Policy;
import io.github.policydsl.api.Severity;
import io.github.policydsl.k8s.Manifests;

import static io.github.policydsl.k8s.K8sRules.configMaps;
import static io.github.policydsl.k8s.K8sRules.containers;
import static io.github.policydsl.k8s.K8sRules.externalSecrets;
import static io.github.policydsl.k8s.K8sRules.secrets;

/**
 * The {@code secrets} pack: secrets in manifests and env vars. Rule ids are stable once released.
 *
 * <table>
 * <caption>Rules</caption>
 * <tr><th>id</th><th>level</th><th>severity</th></tr>
 * <tr><td>{@value #SECRET_DATA}</td><td>must</td><td>HIGH</td></tr>
 * <tr><td>{@value #ENV_LITERAL}</td><td>must</td><td>HIGH</td></tr>
 * <tr><td>{@value #ENV_SECRET_REF}</td><td>should</td><td>LOW</td></tr>
 * <tr><td>{@value #CONFIGMAP_CREDENTIALS}</td><td>must</td><td>HIGH</td></tr>
 * <tr><td>{@value #EXTERNAL_SECRET_STORE}</td><td>must</td><td>MEDIUM</td></tr>
 * <tr><td>{@value #EXTERNAL_SECRET_REFRESH}</td><td>should</td><td>LOW</td></tr>
 * </table>
 */
public final class SecretsPack {

    /** The pack name. */
    public static final String NAME = "secrets";
    /** The pack version. */
    public static final String VERSION = "1.0.0";

    /** Id: no Secret with values in the manifest. */
    public static final String SECRET_DATA = "k8s.secrets.no-secret-data";
    /** Id: no literal credential in env. */
    public static final String ENV_LITERAL = "k8s.secrets.env-literal-credential";
    /** Id: Secrets as files rather than env vars. */
    public static final String ENV_SECRET_REF = "k8s.secrets.env-from-secret";
    /** Id: no credential in a ConfigMap. */
    public static final String CONFIGMAP_CREDENTIALS = "k8s.secrets.configmap-credential";
    /** Id: an ExternalSecret names its store. */
    public static final String EXTERNAL_SECRET_STORE = "k8s.secrets.external-secret-store";
    /** Id: an ExternalSecret has a refresh interval. */
    public static final String EXTERNAL_SECRET_REFRESH = "k8s.secrets.external-secret-refresh";

    private static final Policy<Manifests> POLICY = Policy.<Manifests>named(NAME, VERSION).include(
            secrets().must().notCarryData().withId(SECRET_DATA).withSeverity(Severity.HIGH).allowEmptyShould(true)
                    .withRemediation("replace the Secret with an ExternalSecret or a SealedSecret"),
            containers().must(SecretConditions.notHaveLiteralCredentialsInEnv()).withId(ENV_LITERAL)
                    .withSeverity(Severity.HIGH).allowEmptyShould(true)
                    .withRemediation("reference a Secret (valueFrom.secretKeyRef) or mount it as a file"),
            containers().should(SecretConditions.notExposeSecretsAsEnv()).withId(ENV_SECRET_REF)
                    .withSeverity(Severity.LOW).allowEmptyShould(true)
                    .withRemediation("mount the Secret as a volume and read the file"),
            configMaps().must().notCarryCredentials().withId(CONFIGMAP_CREDENTIALS).withSeverity(Severity.HIGH)
                    .allowEmptyShould(true).withRemediation("move credentials to a Secret managed by an ExternalSecret"),
            externalSecrets().must().nameASecretStore().withId(EXTERNAL_SECRET_STORE).withSeverity(Severity.MEDIUM)
                    .allowEmptyShould(true).withRemediation("set spec.secretStoreRef.name (and kind)"),
            externalSecrets().should().haveARefreshInterval().withId(EXTERNAL_SECRET_REFRESH)
                    .withSeverity(Severity.LOW).allowEmptyShould(true)
                    .withRemediation("set spec.refreshInterval, e.g. 1h"));

    private SecretsPack() {
    }

    /** The pack. */
    public static Policy<Manifests> policy() {
        return POLICY;
    }
}
