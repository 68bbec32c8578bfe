package io.github.policydsl.k8s.pss;

import io.github.policydsl.api.Condition;
import io.github.policydsl.api.ConditionEvents;
import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.api.Policy;
import io.github.policydsl.api.Rule;
import io.github.policydsl.api.Severity;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.NamespaceObject;
import io.github.policydsl.k8s.PodTemplate;
import io.github.policydsl.k8s.load.LoadedResource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.github.policydsl.k8s.K8sRules.namespaceObjects;
import static io.github.policydsl.k8s.K8sRules.pods;

/**
 * A simulation of the Pod Security admission controller over a bundle of manifests: each pod
 * template is evaluated at the levels and versions that the {@code pod-security.kubernetes.io/*}
 * labels of its Namespace select, the way the API server would evaluate the pods.
 *
 * <pre>{@code
 * PodSecurityAdmission admission = PodSecurityAdmission.builder()
 *         .defaults(PssLevel.BASELINE, PssVersion.latest())   // for namespaces without labels
 *         .exemptNamespaces("kube-system")
 *         .exemptRuntimeClasses("kata")
 *         .requireEnforceLabel(PssLevel.BASELINE)
 *         .build();
 * Report report = admission.policy().evaluate(manifests);
 * }</pre>
 *
 * <p><b>Namespace labels</b> are read as CHECKS.md section 4.1 and the admission controller read
 * them. Each mode ({@link Mode#ENFORCE}, {@link Mode#AUDIT}, {@link Mode#WARN}) starts from the
 * configured default (privileged at {@code latest} unless set) and a valid label replaces the
 * default. An invalid enforce level falls back to {@code restricted} (fails closed), an invalid
 * audit or warn level to {@code privileged}, an invalid version in any mode to {@code latest}.
 * When the warn label is absent and a valid enforce label is stricter than the warn default, warn
 * takes the enforce level, and also its version unless {@code warn-version} is set. A pod template
 * whose Namespace object is not in the input gets the defaults, and its messages say so. The
 * namespace of a pod template is its owner's, or {@code default}.
 *
 * <p><b>Rules</b> of {@link #policy()} (policy name {@value #NAME}), with stable ids:
 * <ul>
 * <li>{@value #ENFORCE_RULE_ID} (must, HIGH): the enforce level; a violation FAILs. For a bare Pod
 *     this is a denied request; for a workload (Deployment, CronJob, ...) the API server admits the
 *     object itself but denies the pods created from its template, which is reported as a FAIL too.</li>
 * <li>{@value #AUDIT_RULE_ID} and {@value #WARN_RULE_ID} (should, MEDIUM): the audit and warn
 *     levels; a violation WARNs. As the admission controller adds no warning to a request it
 *     denies, the warn rule skips a bare Pod that the enforce mode already denies.</li>
 * <li>{@value #NAMESPACE_LABELS_RULE_ID} (must, MEDIUM): every {@code pod-security.kubernetes.io}
 *     level and version label of a Namespace is valid (the API server rejects a new Namespace
 *     with an invalid one); a violation is located at the label.</li>
 * <li>{@value #NAMESPACE_ENFORCE_LABEL_RULE_ID} (must, MEDIUM), only when
 *     {@link Builder#requireEnforceLabel(PssLevel)} is set: every Namespace that is not exempt
 *     carries an enforce label of at least that level. Also available alone as
 *     {@link #namespacesMustEnforce(PssLevel)} and, for the DSL, as
 *     {@link #enforceLabelAtLeast(PssLevel)}.</li>
 * </ul>
 * A pod violation names the mode, level and version, the upstream check id, the forbidden reason
 * and detail, and where the level came from (label, default, fallback), and is located at the
 * first offending field with its source line.
 *
 * <p><b>Exemptions</b> work as in the admission configuration: pod templates in an exempt
 * namespace, and (unless every mode is privileged) pod templates whose {@code runtimeClassName}
 * is exempt, are SKIPped by the three pod rules. Exempt usernames have no meaning for manifests
 * and are not modelled. Updates, subresources and the dry run of existing pods on a namespace
 * update are not modelled either.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PodSecurityAdmission {

    /** The policy (and scanner pack) name. */
    public static final String NAME = "pss";
    /** The policy version; rules are only added in a new version. */
    public static final String VERSION = "1.0.0";
    /** The prefix of the Pod Security namespace labels. */
    public static final String LABEL_PREFIX = "pod-security.kubernetes.io/";
    /** Rule id: pod templates pass the enforce mode of their namespace. */
    public static final String ENFORCE_RULE_ID = "k8s.pss.admission.enforce";
    /** Rule id: pod templates pass the audit mode of their namespace. */
    public static final String AUDIT_RULE_ID = "k8s.pss.admission.audit";
    /** Rule id: pod templates pass the warn mode of their namespace. */
    public static final String WARN_RULE_ID = "k8s.pss.admission.warn";
    /** Rule id: Pod Security namespace labels are valid. */
    public static final String NAMESPACE_LABELS_RULE_ID = "k8s.pss.admission.namespace-labels";
    /** Rule id: namespaces carry an enforce label of at least a level. */
    public static final String NAMESPACE_ENFORCE_LABEL_RULE_ID = "k8s.pss.namespace-enforce-label";

    /** An admission mode, with its namespace labels. */
    public enum Mode {
        /** Violations deny the pod. */
        ENFORCE("enforce"),
        /** Violations are recorded in the audit log. */
        AUDIT("audit"),
        /** Violations are returned to the client as warnings. */
        WARN("warn");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        /** The mode name as in the labels: {@code enforce}, {@code audit} or {@code warn}. */
        public String label() {
            return label;
        }

        /** The level label, e.g. {@code pod-security.kubernetes.io/enforce}. */
        public String levelLabel() {
            return LABEL_PREFIX + label;
        }

        /** The version label, e.g. {@code pod-security.kubernetes.io/enforce-version}. */
        public String versionLabel() {
            return LABEL_PREFIX + label + "-version";
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * A level at a version, printed {@code <level>:<version>} as the admission controller prints it.
     *
     * @param level the level
     * @param version the version as given ({@code latest} stays {@code latest})
     */
    public record LevelVersion(PssLevel level, PssVersion version) {

        /** Validates the components. */
        public LevelVersion {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(version, "version");
        }

        /** For example {@code restricted:latest}. */
        @Override
        public String toString() {
            return level.label() + ":" + version;
        }
    }

    /**
     * An invalid Pod Security label of a namespace.
     *
     * @param key the label key
     * @param value the value as written (null is shown as an empty string)
     * @param message what is wrong and which value admission uses instead
     */
    public record LabelError(String key, String value, String message) {

        /** Validates the components. */
        public LabelError {
            Objects.requireNonNull(key, "key");
            value = value == null ? "" : value;
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The levels and versions that apply to the pods of one namespace, with where each came from
     * and the label errors found. Immutable.
     */
    public static final class NamespacePolicy {

        private final String namespace;
        private final boolean inInput;
        private final Map<Mode, LevelVersion> values;
        private final Map<Mode, String> sources;
        private final List<LabelError> errors;

        private NamespacePolicy(String namespace, boolean inInput, Map<Mode, LevelVersion> values,
                Map<Mode, String> sources, List<LabelError> errors) {
            this.namespace = namespace;
            this.inInput = inInput;
            this.values = Collections.unmodifiableMap(new EnumMap<>(values));
            this.sources = Collections.unmodifiableMap(new EnumMap<>(sources));
            this.errors = List.copyOf(errors);
        }

        /** The namespace name. */
        public String namespace() {
            return namespace;
        }

        /** Whether the Namespace object was found (or labels were given); false means defaults only. */
        public boolean isInInput() {
            return inInput;
        }

        /**
         * The level and version of a mode.
         *
         * @param mode the mode
         * @return the level and version in force
         */
        public LevelVersion get(Mode mode) {
            return values.get(Objects.requireNonNull(mode, "mode"));
        }

        /**
         * Where a mode's level and version came from, for messages, e.g.
         * {@code label pod-security.kubernetes.io/enforce=restricted of namespace "apps"}.
         *
         * @param mode the mode
         * @return the explanation
         */
        public String source(Mode mode) {
            return sources.get(Objects.requireNonNull(mode, "mode"));
        }

        /** The invalid labels, in mode order (level before version); empty when all are valid. */
        public List<LabelError> errors() {
            return errors;
        }

        /** Whether every mode is privileged, so that nothing is evaluated. */
        public boolean isFullyPrivileged() {
            return values.values().stream().allMatch(v -> v.level() == PssLevel.PRIVILEGED);
        }

        @Override
        public String toString() {
            return "namespace " + namespace + ": enforce=" + get(Mode.ENFORCE) + ", audit=" + get(Mode.AUDIT)
                    + ", warn=" + get(Mode.WARN) + (errors.isEmpty() ? "" : ", " + errors.size() + " label errors");
        }
    }

    private final Map<Mode, LevelVersion> defaults;
    private final Set<String> exemptNamespaces;
    private final Set<String> exemptRuntimeClasses;
    private final PssLevel requiredEnforceLevel;
    private final Policy<Manifests> policy;

    private PodSecurityAdmission(Builder b) {
        this.defaults = Collections.unmodifiableMap(new EnumMap<>(b.defaults));
        this.exemptNamespaces = Collections.unmodifiableSet(new TreeSet<>(b.exemptNamespaces));
        this.exemptRuntimeClasses = Collections.unmodifiableSet(new TreeSet<>(b.exemptRuntimeClasses));
        this.requiredEnforceLevel = b.requiredEnforceLevel;
        Policy<Manifests> p = Policy.<Manifests>named(NAME, VERSION)
                .include(rule(Mode.ENFORCE), rule(Mode.AUDIT), rule(Mode.WARN), namespaceLabelsRule());
        if (requiredEnforceLevel != null) {
            p = p.include(namespaceEnforceLabelRule(requiredEnforceLevel));
        }
        this.policy = p;
    }

    /**
     * A builder with the admission controller's defaults: every mode privileged at {@code latest},
     * no exemptions, no required enforce label.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The simulation with the admission controller's defaults (see {@link #builder()}).
     *
     * @return the simulation
     */
    public static PodSecurityAdmission defaults() {
        return builder().build();
    }

    /**
     * The rules of the simulation as a policy named {@value #NAME}.
     *
     * @return the policy
     */
    public Policy<Manifests> policy() {
        return policy;
    }

    /**
     * The default level and version of a mode, used where a namespace has no label for it.
     *
     * @param mode the mode
     * @return the default
     */
    public LevelVersion defaultFor(Mode mode) {
        return defaults.get(Objects.requireNonNull(mode, "mode"));
    }

    /** The exempt namespaces, sorted. */
    public Set<String> exemptNamespaces() {
        return exemptNamespaces;
    }

    /** The exempt runtime class names, sorted. */
    public Set<String> exemptRuntimeClasses() {
        return exemptRuntimeClasses;
    }

    /** The level every namespace's enforce label must reach, if that rule is on. */
    public Optional<PssLevel> requiredEnforceLevel() {
        return Optional.ofNullable(requiredEnforceLevel);
    }

    /**
     * The policy for the pods of a namespace of an input: from its Namespace object's labels, or
     * the defaults when the object is not in the input.
     *
     * @param manifests the input
     * @param namespace the namespace name
     * @return the policy
     */
    public NamespacePolicy policyFor(Manifests manifests, String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        Optional<LoadedResource> ns = manifests.namespace(namespace);
        if (ns.isEmpty()) {
            return parse(namespace, null);
        }
        return parse(namespace, NamespaceObject.of(ns.get()).labels());
    }

    /**
     * The policy that a namespace's labels select, with the fallbacks for invalid values.
     *
     * @param namespace the namespace name, for messages
     * @param labels the namespace labels (other labels are ignored)
     * @return the policy
     */
    public NamespacePolicy policyFor(String namespace, Map<String, String> labels) {
        Objects.requireNonNull(namespace, "namespace");
        return parse(namespace, Objects.requireNonNull(labels, "labels"));
    }

    private NamespacePolicy parse(String namespace, Map<String, String> labels) {
        String quoted = "namespace \"" + namespace + "\"";
        Map<Mode, PssLevel> level = new EnumMap<>(Mode.class);
        Map<Mode, PssVersion> version = new EnumMap<>(Mode.class);
        Map<Mode, String> source = new EnumMap<>(Mode.class);
        Map<Mode, String> versionNote = new EnumMap<>(Mode.class);
        List<LabelError> errors = new ArrayList<>();
        for (Mode m : Mode.values()) {
            level.put(m, defaults.get(m).level());
            version.put(m, defaults.get(m).version());
            source.put(m, labels == null
                    ? quoted + " is not in the input: admission default"
                    : quoted + " has no " + m.levelLabel() + " label: admission default");
            versionNote.put(m, "");
        }
        boolean hasEnforceLevel = false;
        boolean hasWarnLevel = false;
        boolean hasWarnVersion = false;
        if (labels != null && !labels.isEmpty()) {
            for (Mode m : Mode.values()) {
                if (labels.containsKey(m.levelLabel())) {
                    String text = labels.get(m.levelLabel());
                    if (m == Mode.WARN) {
                        hasWarnLevel = true;
                    }
                    try {
                        level.put(m, PssLevel.parse(text == null ? "" : text));
                        source.put(m, "label " + m.levelLabel() + "=" + text + " of " + quoted);
                        if (m == Mode.ENFORCE) {
                            hasEnforceLevel = true;
                        }
                    } catch (IllegalArgumentException e) {
                        PssLevel fallback = m == Mode.ENFORCE ? PssLevel.RESTRICTED : PssLevel.PRIVILEGED;
                        level.put(m, fallback);
                        String what = "invalid label " + m.levelLabel() + "=\"" + (text == null ? "" : text) + "\" of "
                                + quoted + ": admission falls back to " + fallback.label();
                        source.put(m, what);
                        errors.add(new LabelError(m.levelLabel(), text, e.getMessage() + "; " + m.label()
                                + " mode falls back to " + fallback.label()));
                    }
                }
                if (labels.containsKey(m.versionLabel())) {
                    String text = labels.get(m.versionLabel());
                    if (m == Mode.WARN) {
                        hasWarnVersion = true;
                    }
                    try {
                        version.put(m, PssVersion.parse(text == null ? "" : text));
                    } catch (IllegalArgumentException e) {
                        version.put(m, PssVersion.latest());
                        versionNote.put(m, "; invalid label " + m.versionLabel() + "=\"" + (text == null ? "" : text)
                                + "\": admission falls back to latest");
                        errors.add(new LabelError(m.versionLabel(), text, e.getMessage() + "; " + m.label()
                                + " mode falls back to latest"));
                    }
                }
            }
            if (!hasWarnLevel && hasEnforceLevel && level.get(Mode.ENFORCE).isStricterThan(level.get(Mode.WARN))) {
                level.put(Mode.WARN, level.get(Mode.ENFORCE));
                source.put(Mode.WARN, quoted + " has no " + Mode.WARN.levelLabel()
                        + " label: warn follows its enforce label " + level.get(Mode.ENFORCE).label());
                if (!hasWarnVersion) {
                    version.put(Mode.WARN, version.get(Mode.ENFORCE));
                    versionNote.put(Mode.WARN, versionNote.get(Mode.ENFORCE));
                }
            }
        }
        Map<Mode, LevelVersion> values = new EnumMap<>(Mode.class);
        Map<Mode, String> sources = new EnumMap<>(Mode.class);
        for (Mode m : Mode.values()) {
            values.put(m, new LevelVersion(level.get(m), version.get(m)));
            sources.put(m, source.get(m) + versionNote.get(m));
        }
        return new NamespacePolicy(namespace, labels != null, values, sources, errors);
    }

    /**
     * The pod rule of one mode ({@value #ENFORCE_RULE_ID}, {@value #AUDIT_RULE_ID} or
     * {@value #WARN_RULE_ID}), as in {@link #policy()}.
     *
     * @param mode the mode
     * @return the rule
     */
    public Rule<Manifests> rule(Mode mode) {
        Objects.requireNonNull(mode, "mode");
        Condition<PodTemplate> condition = Condition.of(
                "be allowed by the Pod Security " + mode.label() + " mode of their namespace",
                (pod, events) -> checkPod(mode, pod, events));
        return switch (mode) {
            case ENFORCE -> pods().must(condition).withId(ENFORCE_RULE_ID).withSeverity(Severity.HIGH)
                    .allowEmptyShould(true)
                    .withRemediation("change the field each message names, or lower the namespace's "
                            + Mode.ENFORCE.levelLabel() + " label");
            case AUDIT -> pods().should(condition).withId(AUDIT_RULE_ID).withSeverity(Severity.MEDIUM)
                    .allowEmptyShould(true)
                    .withRemediation("change the field each message names to pass the namespace's audit level");
            case WARN -> pods().should(condition).withId(WARN_RULE_ID).withSeverity(Severity.MEDIUM)
                    .allowEmptyShould(true)
                    .withRemediation("change the field each message names to pass the namespace's warn level");
        };
    }

    private void checkPod(Mode mode, PodTemplate pod, ConditionEvents events) {
        String ns = pod.namespace();
        if (exemptNamespaces.contains(ns)) {
            events.notApplicable(pod.specPath(), "namespace \"" + ns + "\" is exempt from Pod Security admission");
            return;
        }
        NamespacePolicy p = policyFor(pod.manifests(), ns);
        if (p.errors().isEmpty() && p.isFullyPrivileged()) {
            events.satisfied(pod.specPath(), "every Pod Security mode of namespace \"" + ns + "\" is privileged");
            return;
        }
        String runtimeClass = pod.spec().getRuntimeClassName();
        if (runtimeClass != null && exemptRuntimeClasses.contains(runtimeClass)) {
            events.notApplicable(pod.specPath().child("runtimeClassName"),
                    "runtimeClassName \"" + runtimeClass + "\" is exempt from Pod Security admission");
            return;
        }
        LevelVersion lv = p.get(mode);
        List<PssCheckResult> results = lv.level() == PssLevel.PRIVILEGED ? List.of()
                : PodSecurityChecks.evaluate(lv.level(), lv.version(), pod.metadata(), pod.spec());
        if (results.isEmpty()) {
            events.satisfied(pod.specPath(), "meets PodSecurity \"" + lv + "\" (" + mode.label() + ": "
                    + p.source(mode) + ")");
            return;
        }
        boolean barePod = pod.path().isRoot() && "Pod".equals(pod.kind());
        if (mode == Mode.WARN && barePod) {
            LevelVersion enforce = p.get(Mode.ENFORCE);
            if (enforce.level() != PssLevel.PRIVILEGED
                    && !PodSecurityChecks.evaluate(enforce.level(), enforce.version(), pod.metadata(), pod.spec())
                    .isEmpty()) {
                events.notApplicable(pod.specPath(), "no warning: the enforce mode (" + enforce
                        + ") already denies this pod, and admission adds no warning to a denied request");
                return;
            }
        }
        String verb = mode == Mode.ENFORCE ? "violates" : "would violate";
        String consequence = mode == Mode.ENFORCE && !barePod
                ? "; the API server admits the " + pod.kind() + " itself but denies pods created from its template" : "";
        for (PssCheckResult r : results) {
            List<FieldPath> paths = r.fieldPaths().isEmpty() ? List.of(FieldPath.root().child("spec")) : r.fieldPaths();
            events.violated(pod.path().resolve(paths.get(0)), verb + " PodSecurity \"" + lv + "\": " + r.checkId()
                    + ": " + r.message() + " (" + mode.label() + ": " + p.source(mode) + consequence + ")");
        }
    }

    /**
     * The rule that every Pod Security label of every Namespace is valid ({@value #NAMESPACE_LABELS_RULE_ID}).
     *
     * @return the rule
     */
    public Rule<Manifests> namespaceLabelsRule() {
        Condition<NamespaceObject> valid = Condition.of("carry valid Pod Security labels", (ns, events) -> {
            NamespacePolicy p = policyFor(ns.name(), ns.labels());
            if (p.errors().isEmpty()) {
                events.satisfied(ns.labelsPath(), "Pod Security labels are valid");
                return;
            }
            for (LabelError e : p.errors()) {
                events.violated(ns.labelPath(e.key()), "label " + e.key() + "=\"" + e.value() + "\" is invalid: "
                        + e.message() + "; the API server rejects a new namespace with this label");
            }
        });
        return namespaceObjects().must(valid).withId(NAMESPACE_LABELS_RULE_ID).withSeverity(Severity.MEDIUM)
                .allowEmptyShould(true)
                .withRemediation("use privileged, baseline or restricted for levels and latest or v1.<minor> for versions");
    }

    /**
     * The rule that every Namespace of the input that is not exempt carries an enforce label of at
     * least a level ({@value #NAMESPACE_ENFORCE_LABEL_RULE_ID}).
     *
     * @param minimum the lowest acceptable enforce level
     * @return the rule
     */
    public Rule<Manifests> namespaceEnforceLabelRule(PssLevel minimum) {
        Objects.requireNonNull(minimum, "minimum");
        Set<String> exempt = exemptNamespaces;
        return namespaceObjects()
                .that(DescribedPredicate.<NamespaceObject>describe("are not exempt from Pod Security admission",
                        ns -> !exempt.contains(ns.name())))
                .must(enforceLabelAtLeast(minimum))
                .withId(NAMESPACE_ENFORCE_LABEL_RULE_ID).withSeverity(Severity.MEDIUM).allowEmptyShould(true)
                .withRemediation("label the namespace " + Mode.ENFORCE.levelLabel() + "=" + minimum.label()
                        + " (or stricter)");
    }

    /**
     * The rule that every Namespace of the input carries an enforce label of at least a level
     * ({@value #NAMESPACE_ENFORCE_LABEL_RULE_ID}), with no exemptions. It passes when the input has
     * no Namespace.
     *
     * @param minimum the lowest acceptable enforce level
     * @return the rule
     */
    public static Rule<Manifests> namespacesMustEnforce(PssLevel minimum) {
        return defaults().namespaceEnforceLabelRule(minimum);
    }

    /**
     * The condition that a Namespace carries a valid {@code pod-security.kubernetes.io/enforce}
     * label of at least a level, for the DSL:
     * {@code namespaceObjects().must(enforceLabelAtLeast(PssLevel.RESTRICTED))}. A missing label is a
     * violation at {@code metadata.labels.pod-security.kubernetes.io/enforce} (located at the
     * labels, or the metadata when there are none); a low or invalid value is a violation at the
     * label.
     *
     * @param minimum the lowest acceptable level
     * @return the condition
     */
    public static Condition<NamespaceObject> enforceLabelAtLeast(PssLevel minimum) {
        Objects.requireNonNull(minimum, "minimum");
        String key = Mode.ENFORCE.levelLabel();
        return Condition.of("carry a " + key + " label of at least " + minimum.label(), (ns, events) -> {
            FieldPath path = ns.labelPath(key);
            if (!ns.labels().containsKey(key)) {
                events.violated(path, "has no " + key + " label, so its pods are admitted at the cluster default "
                        + "(privileged unless configured); must be at least " + minimum.label());
                return;
            }
            String text = ns.labels().get(key);
            PssLevel level;
            try {
                level = PssLevel.parse(text == null ? "" : text);
            } catch (IllegalArgumentException e) {
                events.violated(path, "label " + key + "=\"" + (text == null ? "" : text) + "\" is invalid: "
                        + e.getMessage());
                return;
            }
            if (minimum.isStricterThan(level)) {
                events.violated(path, "label " + key + "=" + level.label() + " is below " + minimum.label());
            } else {
                events.satisfied(path, "label " + key + "=" + level.label() + " is at least " + minimum.label());
            }
        });
    }

    @Override
    public String toString() {
        return "PodSecurityAdmission[defaults=" + defaults + ", exemptNamespaces=" + exemptNamespaces
                + ", exemptRuntimeClasses=" + exemptRuntimeClasses + ", requiredEnforceLevel=" + requiredEnforceLevel
                + "]";
    }

    /** Builds a {@link PodSecurityAdmission}. Not thread-safe; the result is. */
    public static final class Builder {

        private final Map<Mode, LevelVersion> defaults = new EnumMap<>(Mode.class);
        private final Set<String> exemptNamespaces = new TreeSet<>();
        private final Set<String> exemptRuntimeClasses = new TreeSet<>();
        private PssLevel requiredEnforceLevel;

        private Builder() {
            for (Mode m : Mode.values()) {
                defaults.put(m, new LevelVersion(PssLevel.PRIVILEGED, PssVersion.latest()));
            }
        }

        /**
         * The default of every mode, for namespaces without labels (the admission configuration's
         * {@code defaults}).
         *
         * @param level the level
         * @param version the version
         * @return this builder
         */
        public Builder defaults(PssLevel level, PssVersion version) {
            for (Mode m : Mode.values()) {
                defaultFor(m, level, version);
            }
            return this;
        }

        /**
         * The default of one mode.
         *
         * @param mode the mode
         * @param level the level
         * @param version the version
         * @return this builder
         */
        public Builder defaultFor(Mode mode, PssLevel level, PssVersion version) {
            defaults.put(Objects.requireNonNull(mode, "mode"), new LevelVersion(level, version));
            return this;
        }

        /**
         * Adds exempt namespaces.
         *
         * @param names namespace names
         * @return this builder
         */
        public Builder exemptNamespaces(String... names) {
            return exemptNamespaces(List.of(names));
        }

        /**
         * Adds exempt namespaces.
         *
         * @param names namespace names
         * @return this builder
         */
        public Builder exemptNamespaces(Collection<String> names) {
            for (String n : names) {
                exemptNamespaces.add(Objects.requireNonNull(n, "namespace"));
            }
            return this;
        }

        /**
         * Adds exempt runtime class names.
         *
         * @param names runtime class names
         * @return this builder
         */
        public Builder exemptRuntimeClasses(String... names) {
            return exemptRuntimeClasses(List.of(names));
        }

        /**
         * Adds exempt runtime class names.
         *
         * @param names runtime class names
         * @return this builder
         */
        public Builder exemptRuntimeClasses(Collection<String> names) {
            for (String n : names) {
                exemptRuntimeClasses.add(Objects.requireNonNull(n, "runtimeClassName"));
            }
            return this;
        }

        /**
         * Adds the rule {@value #NAMESPACE_ENFORCE_LABEL_RULE_ID} to the policy: every Namespace
         * that is not exempt must carry an enforce label of at least this level.
         *
         * @param minimum the level, or null to leave the rule out (the default)
         * @return this builder
         */
        public Builder requireEnforceLabel(PssLevel minimum) {
            this.requiredEnforceLevel = minimum;
            return this;
        }

        /**
         * Builds the simulation.
         *
         * @return an immutable simulation
         */
        public PodSecurityAdmission build() {
            return new PodSecurityAdmission(this);
        }
    }
}
