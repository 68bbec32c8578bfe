package io.github.policydsl.k8s.secrets;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.github.policydsl.api.Condition;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.ContainerRef;
import io.github.policydsl.k8s.internal.secrets.Credentials;
import io.github.policydsl.k8s.syntax.ResourceSubject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Ready-made conditions about secrets in manifests. Messages never contain the secret value.
 * Stateless and thread-safe.
 *
 * <p>Judged safe, and therefore not reported by {@link #notCarryData()}:
 * <ul>
 * <li>a Secret of type {@code kubernetes.io/service-account-token} without a {@code token} value:
 * the token controller fills it in the cluster;</li>
 * <li>keys whose value is empty or a placeholder ({@code ${VAR}}, {@code $(VAR)},
 * {@code {{ .Values.x }}}, {@code <password>}, {@code changeme}, {@code REPLACE_ME}, {@code TODO} ...),
 * in {@code stringData} or base64-decoded from {@code data}: templates that a deployment tool
 * fills in, which hold no secret in the repository. A placeholder that is really the password
 * ({@code changeme}) is a weak-password problem, not a leak, and out of scope here.</li>
 * </ul>
 */
public final class SecretConditions {

    private static final String HOW = "base64 is an encoding, not encryption: anyone who can read this file "
            + "has the value; keep it out of the repository with an ExternalSecret (external-secrets.io) or a "
            + "SealedSecret (bitnami.com)";

    private SecretConditions() {
    }

    /**
     * A Secret carries no real value in {@code data} or {@code stringData}.
     *
     * @return the condition, one finding per key at {@code data.KEY} or {@code stringData.KEY}
     */
    public static Condition<ResourceSubject> notCarryData() {
        return Condition.of("not carry secret values in the manifest", (s, events) -> {
            if (!(s.resource().object() instanceof Secret secret)) {
                events.notApplicable(FieldPath.root(), "not a Secret");
                return;
            }
            boolean saToken = "kubernetes.io/service-account-token".equals(secret.getType());
            boolean any = false;
            for (String field : List.of("data", "stringData")) {
                Map<String, String> values = "data".equals(field) ? secret.getData() : secret.getStringData();
                if (values == null) {
                    continue;
                }
                for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
                    String plain = "data".equals(field) ? decode(e.getValue()) : e.getValue();
                    if (plain != null && Credentials.isPlaceholder(plain)) {
                        continue;
                    }
                    if (saToken && !"token".equals(e.getKey())) {
                        continue;
                    }
                    any = true;
                    events.violated(FieldPath.root().child(field, e.getKey()), "Secret carries " + field + "."
                            + e.getKey() + (saToken ? " (a ServiceAccount token)" : "") + " in the manifest; " + HOW);
                }
            }
            if (!any) {
                events.satisfied(FieldPath.root().child("data"), saToken
                        ? "is a ServiceAccount token Secret that the token controller fills"
                        : "carries no secret value");
            }
        });
    }

    private static String decode(String b64) {
        if (b64 == null) {
            return "";
        }
        try {
            return new String(Base64.getMimeDecoder().decode(b64.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A ConfigMap carries no credential: no key named like a credential with a real value, no
     * value shaped like a credential (private key, AWS key, JWT, tokens, URL with password), and
     * no line {@code password=...} or {@code password: ...} inside a config file value.
     *
     * @return the condition, one finding per key at {@code data.KEY}
     */
    public static Condition<ResourceSubject> notCarryCredentials() {
        return Condition.of("not carry credentials", (s, events) -> {
            if (!(s.resource().object() instanceof ConfigMap cm)) {
                events.notApplicable(FieldPath.root(), "not a ConfigMap");
                return;
            }
            boolean any = false;
            Map<String, String> data = cm.getData() == null ? Map.of() : new TreeMap<>(cm.getData());
            for (Map.Entry<String, String> e : data.entrySet()) {
                String v = e.getValue();
                FieldPath at = FieldPath.root().child("data", e.getKey());
                String why = null;
                Optional<String> shape = Credentials.credentialShape(v);
                if (shape.isPresent()) {
                    why = "holds " + shape.get();
                } else if (v != null && v.indexOf('\n') < 0 && Credentials.isCredentialName(e.getKey())
                        && !Credentials.isPlaceholder(v)) {
                    why = "is named like a credential and holds a literal value";
                } else {
                    Optional<Object[]> line = Credentials.credentialLine(v);
                    if (line.isPresent()) {
                        why = "sets " + line.get()[1] + " on line " + line.get()[0] + " of the file";
                    }
                }
                if (why != null) {
                    any = true;
                    events.violated(at, "ConfigMap data." + e.getKey() + " " + why
                            + "; ConfigMaps are not secret: move it to a Secret managed by an ExternalSecret");
                }
            }
            if (!any) {
                events.satisfied(FieldPath.root().child("data"), "carries no credential");
            }
        });
    }

    /**
     * No env var holds a literal credential: a name such as {@code DB_PASSWORD}, {@code API_KEY},
     * {@code TOKEN} with a literal {@code value}, or a value shaped like a credential under any
     * name. Empty values, references ({@code $(VAR)}), placeholders and {@code valueFrom} are fine.
     *
     * @return the condition, reported at {@code env[i].value}
     */
    public static Condition<ContainerRef> notHaveLiteralCredentialsInEnv() {
        return Condition.of("not set credentials as literal env values", (c, events) -> {
            List<EnvVar> env = c.container().getEnv();
            boolean any = false;
            for (int i = 0; env != null && i < env.size(); i++) {
                EnvVar e = env.get(i);
                if (e == null || e.getValue() == null) {
                    continue;
                }
                String why = null;
                Optional<String> shape = Credentials.credentialShape(e.getValue());
                if (shape.isPresent()) {
                    why = "holds " + shape.get();
                } else if (Credentials.isCredentialName(e.getName()) && !Credentials.isPlaceholder(e.getValue())) {
                    why = "is named like a credential and has a literal value";
                }
                if (why != null) {
                    any = true;
                    events.violated(c.field("env").index(i).child("value"), "env " + e.getName() + " " + why
                            + "; use valueFrom.secretKeyRef to a Secret managed by an ExternalSecret, or a mounted file");
                }
            }
            if (!any) {
                events.satisfied(c.field("env"), "sets no literal credential");
            }
        });
    }

    /**
     * No env var comes from a Secret ({@code valueFrom.secretKeyRef}, {@code envFrom[].secretRef}):
     * env vars leak into child processes, crash dumps and {@code /proc}; mounted files are preferred.
     *
     * @return the condition
     */
    public static Condition<ContainerRef> notExposeSecretsAsEnv() {
        return Condition.of("not expose Secrets as env vars", (c, events) -> {
            boolean any = false;
            List<EnvVar> env = c.container().getEnv();
            for (int i = 0; env != null && i < env.size(); i++) {
                EnvVar e = env.get(i);
                if (e != null && e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                    any = true;
                    events.violated(c.field("env").index(i).child("valueFrom", "secretKeyRef"), "env " + e.getName()
                            + " comes from Secret " + e.getValueFrom().getSecretKeyRef().getName()
                            + "; mount the Secret as a file instead");
                }
            }
            List<EnvFromSource> from = c.container().getEnvFrom();
            for (int i = 0; from != null && i < from.size(); i++) {
                EnvFromSource f = from.get(i);
                if (f != null && f.getSecretRef() != null) {
                    any = true;
                    events.violated(c.field("envFrom").index(i).child("secretRef"), "envFrom imports every key of Secret "
                            + f.getSecretRef().getName() + " as env vars; mount the Secret as a file instead");
                }
            }
            if (!any) {
                events.satisfied(c.field("env"), "takes no env var from a Secret");
            }
        });
    }

    /** Whether an object is an external-secrets.io ExternalSecret. */
    static boolean isExternalSecret(ResourceSubject s) {
        return s.resource().object() instanceof GenericKubernetesResource
                && "ExternalSecret".equals(s.resource().kind())
                && s.resource().apiVersion().startsWith("external-secrets.io/");
    }

    private static Object get(ResourceSubject s, Object... path) {
        return GenericKubernetesResource.get(((GenericKubernetesResource) s.resource().object()).getAdditionalProperties(),
                path);
    }

    /**
     * An ExternalSecret names its store: {@code spec.secretStoreRef.name}, with kind
     * {@code SecretStore} (default) or {@code ClusterSecretStore}.
     *
     * @return the condition
     */
    public static Condition<ResourceSubject> nameASecretStore() {
        return Condition.of("name a secret store", (s, events) -> {
            if (!isExternalSecret(s)) {
                events.notApplicable(FieldPath.root(), "not an ExternalSecret");
                return;
            }
            FieldPath ref = FieldPath.root().child("spec", "secretStoreRef");
            Object name = get(s, "spec", "secretStoreRef", "name");
            Object kind = get(s, "spec", "secretStoreRef", "kind");
            if (!(name instanceof String n) || n.isBlank()) {
                events.violated(ref.child("name"), "names no secret store (spec.secretStoreRef.name)");
            } else if (kind != null && !"SecretStore".equals(kind) && !"ClusterSecretStore".equals(kind)) {
                events.violated(ref.child("kind"), "has secretStoreRef.kind " + kind
                        + "; expected SecretStore or ClusterSecretStore");
            } else {
                events.satisfied(ref.child("name"), "uses store " + n);
            }
        });
    }

    /**
     * An ExternalSecret sets {@code spec.refreshInterval} explicitly, and not to 0 (which
     * disables refresh, so a rotated secret never reaches the cluster).
     *
     * @return the condition
     */
    public static Condition<ResourceSubject> haveARefreshInterval() {
        return Condition.of("have a refresh interval", (s, events) -> {
            if (!isExternalSecret(s)) {
                events.notApplicable(FieldPath.root(), "not an ExternalSecret");
                return;
            }
            FieldPath at = FieldPath.root().child("spec", "refreshInterval");
            Object v = get(s, "spec", "refreshInterval");
            String text = v == null ? "" : String.valueOf(v).strip();
            if (text.isEmpty()) {
                events.violated(at, "sets no spec.refreshInterval; state how fast a rotated secret must arrive");
            } else if (text.matches("0+(s|m|h)?")) {
                events.violated(at, "sets refreshInterval " + text + ", which disables refresh");
            } else {
                events.satisfied(at, "refreshes every " + text);
            }
        });
    }
}
