package io.github.policydsl.api.exemption;

import io.github.policydsl.api.result.Violation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The stable identity of a finding: rule id, apiVersion, kind, namespace, name, container name and
 * field path. The path is relative to the container when there is one, so that reordering
 * containers keeps identities; line numbers and message text are never part of it, so that
 * reformatting a file or rewording a message does not orphan baselines.
 *
 * @param ruleId the rule id
 * @param apiVersion the object's API version, or empty
 * @param kind the object's kind
 * @param namespace the namespace, or empty
 * @param name the name, or empty
 * @param container the container name, or empty
 * @param path the dotted field path (relative to the container when there is one), or empty
 */
public record Fingerprint(String ruleId, String apiVersion, String kind, String namespace, String name,
        String container, String path) implements Comparable<Fingerprint> {

    private static final Comparator<Fingerprint> ORDER = Comparator.comparing(Fingerprint::ruleId)
            .thenComparing(Fingerprint::kind)
            .thenComparing(Fingerprint::namespace)
            .thenComparing(Fingerprint::name)
            .thenComparing(Fingerprint::container)
            .thenComparing(Fingerprint::path)
            .thenComparing(Fingerprint::apiVersion);

    /** Validates the components, turning nulls into empty strings. */
    public Fingerprint {
        Objects.requireNonNull(ruleId, "ruleId");
        apiVersion = apiVersion == null ? "" : apiVersion;
        kind = kind == null ? "" : kind;
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
        container = container == null ? "" : container;
        path = path == null ? "" : path;
    }

    /**
     * The fingerprint of a finding.
     *
     * @param violation the finding
     * @param context knows container names
     * @return the fingerprint
     */
    public static Fingerprint of(Violation violation, FindingContext context) {
        String container = context.container(violation);
        String path = container.isEmpty() ? violation.path().toString()
                : context.pathInContainer(violation).toString();
        return new Fingerprint(violation.ruleId(), violation.subject().apiVersion(), violation.subject().kind(),
                violation.subject().namespace(), violation.subject().name(), container, path);
    }

    /** A short hex digest (SHA-256, 32 hex digits) of all components, e.g. for SARIF partial fingerprints. */
    public String digest() {
        String joined = String.join("\u0000", ruleId, apiVersion, kind, namespace, name, container, path);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    @Override
    public int compareTo(Fingerprint o) {
        return ORDER.compare(this, o);
    }

    /** Human form: {@code rule-id Deployment production/web container "app" securityContext.runAsUser}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(ruleId).append(' ').append(kind).append(' ');
        if (!namespace.isEmpty()) {
            sb.append(namespace).append('/');
        }
        sb.append(name);
        if (!container.isEmpty()) {
            sb.append(" container \"").append(container).append('"');
        }
        if (!path.isEmpty()) {
            sb.append(' ').append(path);
        }
        return sb.toString();
    }
}
