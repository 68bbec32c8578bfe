/**
 * Secrets in manifests: Secret objects with values, ConfigMaps and env vars carrying credentials,
 * Secrets exposed as env vars, and ExternalSecret (external-secrets.io) as the compliant form;
 * conditions ({@link io.github.policydsl.k8s.secrets.SecretConditions}) and the {@code secrets}
 * pack ({@link io.github.policydsl.k8s.secrets.SecretsPack}).
 *
 * <p>Detection is heuristic and tuned for few false positives: names must read as a credential
 * ({@code DB_PASSWORD}, {@code apiKey}, not {@code PASSWORD_FILE}), values must not be empty,
 * references or placeholders, and value shapes are specific (private key blocks, AWS access key
 * ids, JWTs, GitHub/Slack/Google tokens, URLs with passwords). Not detected: high-entropy strings
 * without a telling name, secrets in {@code command}/{@code args}, in annotations, in Helm values or
 * in {@code binaryData}.
 */
package io.github.policydsl.k8s.secrets;
