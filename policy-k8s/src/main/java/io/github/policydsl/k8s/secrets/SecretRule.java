package io.github.policydsl.k8s.secrets;

import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.api.syntax.SubjectRule;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.syntax.ResourceSubject;

/**
 * A rule over Secrets, ConfigMaps or ExternalSecrets ({@code secrets()}, {@code configMaps()},
 * {@code externalSecrets()}); conditions that do not fit a kind skip it. Immutable.
 */
public final class SecretRule extends SubjectRule<Manifests, ResourceSubject, SecretRule> {

    /**
     * Creates the rule; use the entry points of {@code K8sRules}.
     *
     * @param spec the state
     */
    public SecretRule(RuleSpec<Manifests, ResourceSubject> spec) {
        super(spec);
    }

    @Override
    protected SecretRule copy(RuleSpec<Manifests, ResourceSubject> newSpec) {
        return new SecretRule(newSpec);
    }

    /** Secrets: no real value in {@code data}/{@code stringData}. */
    public SecretRule notCarryData() {
        return with(SecretConditions.notCarryData());
    }

    /** ConfigMaps: no credential by name, shape or config-file line. */
    public SecretRule notCarryCredentials() {
        return with(SecretConditions.notCarryCredentials());
    }

    /** ExternalSecrets: {@code spec.secretStoreRef.name} is set. */
    public SecretRule nameASecretStore() {
        return with(SecretConditions.nameASecretStore());
    }

    /** ExternalSecrets: {@code spec.refreshInterval} is set and not 0. */
    public SecretRule haveARefreshInterval() {
        return with(SecretConditions.haveARefreshInterval());
    }
}
