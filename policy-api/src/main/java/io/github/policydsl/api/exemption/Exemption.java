package io.github.policydsl.api.exemption;

import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.Violation;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One declared exemption: which rule (id or glob), which objects (kind, namespace and name globs,
 * labels), optionally which container and field path, why, and until when. Unset matchers match
 * everything. Build one in code:
 *
 * <pre>{@code
 * Exemption.forRule("k8s.run-as-user-not-root")
 *         .kind("Deployment").namespace("production").name("web")
 *         .container("setup")
 *         .because("the init container chowns the volume; SEC-123")
 *         .until(LocalDate.of(2027, 3, 31));
 * }</pre>
 *
 * <p>An exemption applies on its expiry date and stops applying the day after. The reason is
 * required (an exemption without one is rejected when it is added to {@link Exemptions}).
 * Immutable and thread-safe; every method returns a new exemption.
 */
public final class Exemption {

    private final RuleIdPattern rule;
    private final String kind;
    private final RuleIdPattern namespace;
    private final RuleIdPattern name;
    private final Map<String, String> labels;
    private final String container;
    private final FieldPath path;
    private final String reason;
    private final LocalDate expires;
    private final Location origin;

    private Exemption(RuleIdPattern rule, String kind, RuleIdPattern namespace, RuleIdPattern name,
            Map<String, String> labels, String container, FieldPath path, String reason, LocalDate expires,
            Location origin) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.kind = kind;
        this.namespace = namespace;
        this.name = name;
        this.labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        this.container = container;
        this.path = path;
        this.reason = reason == null ? "" : reason;
        this.expires = expires;
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /**
     * Starts an exemption from a rule.
     *
     * @param ruleIdOrGlob the rule id, or a glob such as {@code k8s.image-*}
     * @return an exemption for every object, without a reason yet
     */
    public static Exemption forRule(String ruleIdOrGlob) {
        return new Exemption(RuleIdPattern.of(ruleIdOrGlob), null, null, null, Map.of(), null, null, "", null,
                Location.unknown("<code>"));
    }

    /**
     * Only objects of this kind.
     *
     * @param objectKind e.g. {@code Deployment}
     * @return a new exemption
     */
    public Exemption kind(String objectKind) {
        return new Exemption(rule, Objects.requireNonNull(objectKind, "kind"), namespace, name, labels, container,
                path, reason, expires, origin);
    }

    /**
     * Only objects in a namespace.
     *
     * @param namespaceGlob a namespace or glob
     * @return a new exemption
     */
    public Exemption namespace(String namespaceGlob) {
        return new Exemption(rule, kind, RuleIdPattern.of(namespaceGlob), name, labels, container, path, reason,
                expires, origin);
    }

    /**
     * Only objects with this name.
     *
     * @param nameGlob a name or glob
     * @return a new exemption
     */
    public Exemption name(String nameGlob) {
        return new Exemption(rule, kind, namespace, RuleIdPattern.of(nameGlob), labels, container, path, reason,
                expires, origin);
    }

    /**
     * Only objects with this label (all labels given must match).
     *
     * @param key the label key
     * @param value the label value
     * @return a new exemption
     */
    public Exemption label(String key, String value) {
        Map<String, String> more = new TreeMap<>(labels);
        more.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new Exemption(rule, kind, namespace, name, more, container, path, reason, expires, origin);
    }

    /**
     * Only findings about this container (in any slot: init, app or ephemeral).
     *
     * @param containerName the container name
     * @return a new exemption
     */
    public Exemption container(String containerName) {
        return new Exemption(rule, kind, namespace, name, labels, Objects.requireNonNull(containerName, "container"),
                path, reason, expires, origin);
    }

    /**
     * Only findings at this field or below it. The path may be written from the object
     * ({@code spec.template.spec.containers[0].securityContext}) or, with {@link #container(String)},
     * from the container ({@code securityContext.runAsUser}).
     *
     * @param dotted the dotted field path
     * @return a new exemption
     */
    public Exemption path(String dotted) {
        return new Exemption(rule, kind, namespace, name, labels, container, FieldPath.parse(dotted), reason, expires,
                origin);
    }

    /**
     * Sets the reason, shown with every exempted finding.
     *
     * @param why the reason, e.g. a ticket reference
     * @return a new exemption
     */
    public Exemption because(String why) {
        return new Exemption(rule, kind, namespace, name, labels, container, path, why, expires, origin);
    }

    /**
     * Sets the last day on which the exemption applies.
     *
     * @param lastDay the expiry date
     * @return a new exemption
     */
    public Exemption until(LocalDate lastDay) {
        return new Exemption(rule, kind, namespace, name, labels, container, path, reason,
                Objects.requireNonNull(lastDay, "lastDay"), origin);
    }

    /**
     * Records where the exemption was declared, for reports (file loaders set it).
     *
     * @param where file and line
     * @return a new exemption
     */
    public Exemption declaredAt(Location where) {
        return new Exemption(rule, kind, namespace, name, labels, container, path, reason, expires, where);
    }

    /** The rule id or glob. */
    public RuleIdPattern rule() {
        return rule;
    }

    /** The reason; empty if none was given. */
    public String reason() {
        return reason;
    }

    /** The last day it applies, if it expires. */
    public Optional<LocalDate> expires() {
        return Optional.ofNullable(expires);
    }

    /** Where it was declared ({@code <code>} at line 0 for exemptions built in code). */
    public Location origin() {
        return origin;
    }

    /**
     * Whether the exemption has expired.
     *
     * @param today the current date
     * @return true if {@code today} is after the expiry date
     */
    public boolean isExpired(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    /**
     * Whether the exemption covers a finding (ignoring expiry).
     *
     * @param violation the finding
     * @param context knows container names and labels
     * @return true if every matcher matches
     */
    public boolean matches(Violation violation, FindingContext context) {
        if (!rule.matches(violation.ruleId())) {
            return false;
        }
        if (kind != null && !kind.equals(violation.subject().kind())) {
            return false;
        }
        if (namespace != null && !namespace.matches(violation.subject().namespace())) {
            return false;
        }
        if (name != null && !name.matches(violation.subject().name())) {
            return false;
        }
        if (!labels.isEmpty()) {
            Map<String, String> actual = context.labels(violation.subject());
            for (Map.Entry<String, String> e : labels.entrySet()) {
                if (!e.getValue().equals(actual.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (container != null && !container.equals(context.container(violation))) {
            return false;
        }
        return path == null || violation.path().startsWith(path) || context.pathInContainer(violation).startsWith(path);
    }

    /** The text put on exempted findings: reason, where declared, expiry. */
    String annotatedReason() {
        StringBuilder sb = new StringBuilder(reason).append(" (exemption ");
        sb.append(origin.isKnown() ? origin.file() + ":" + origin.line() : origin.file());
        if (expires != null) {
            sb.append(", until ").append(expires);
        }
        return sb.append(')').toString();
    }

    /** A compact description: rule and matchers. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("exemption of ").append(rule);
        if (kind != null) {
            sb.append(" kind=").append(kind);
        }
        if (namespace != null) {
            sb.append(" namespace=").append(namespace);
        }
        if (name != null) {
            sb.append(" name=").append(name);
        }
        labels.forEach((k, v) -> sb.append(" label ").append(k).append('=').append(v));
        if (container != null) {
            sb.append(" container=").append(container);
        }
        if (path != null) {
            sb.append(" path=").append(path);
        }
        return sb.toString();
    }
}
