package io.github.policydsl.k8s.condition;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.github.policydsl.api.Condition;
import io.github.policydsl.api.ConditionEvents;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.ContainerRef;
import io.github.policydsl.k8s.ContainerSlot;
import io.github.policydsl.k8s.Effective;

import java.util.List;
import java.util.Map;

/**
 * Ready-made conditions on containers, with Kubernetes' effective values: container-level
 * {@code securityContext} fields override the pod's, and unset fields take the API server's
 * defaults. Each violation names the field that must change. All conditions are stateless and
 * thread-safe.
 */
public final class ContainerConditions {

    private static final String[] RESOURCES = {"cpu", "memory"};

    /** Violation messages for every Boolean effective value, built once (most violations repeat one of a few). */
    private static final BooleanMessages MAY_RUN_AS_ROOT = new BooleanMessages("may run as root: runAsNonRoot is ");
    private static final BooleanMessages ALLOWS_ESCALATION =
            new BooleanMessages("allows privilege escalation: allowPrivilegeEscalation is ");
    private static final BooleanMessages WRITABLE_ROOT =
            new BooleanMessages("has a writable root filesystem: readOnlyRootFilesystem is ");

    /** {@code prefix + describe()} for the Boolean values and origins a container field can have, precomputed. */
    private static final class BooleanMessages {
        private static final String[] ORIGINS = {"container", "pod", "default", "unset"};
        private final String prefix;
        private final String[] messages = new String[3 * ORIGINS.length];

        BooleanMessages(String prefix) {
            this.prefix = prefix;
            Boolean[] values = {Boolean.TRUE, Boolean.FALSE, null};
            for (int v = 0; v < values.length; v++) {
                for (int o = 0; o < ORIGINS.length; o++) {
                    messages[v * ORIGINS.length + o] = prefix + new Effective<>(values[v], null, ORIGINS[o]).describe();
                }
            }
        }

        String of(Effective<Boolean> e) {
            int v = e.value() == null ? 2 : e.value() ? 0 : 1;
            for (int o = 0; o < ORIGINS.length; o++) {
                if (ORIGINS[o].equals(e.origin())) {
                    return messages[v * ORIGINS.length + o];
                }
            }
            return prefix + e.describe();
        }
    }

    /** Fields below a container, as constant relative paths (a violation's path then shares them). */
    private static final FieldPath SC_RUN_AS_NON_ROOT = FieldPath.root().child("securityContext", "runAsNonRoot");
    private static final FieldPath SC_RUN_AS_USER = FieldPath.root().child("securityContext", "runAsUser");
    private static final FieldPath SC_SECCOMP_TYPE = FieldPath.root().child("securityContext", "seccompProfile", "type");
    private static final FieldPath SC_ALLOW_PRIVILEGE_ESCALATION =
            FieldPath.root().child("securityContext", "allowPrivilegeEscalation");
    private static final FieldPath SC_READ_ONLY_ROOT_FILESYSTEM =
            FieldPath.root().child("securityContext", "readOnlyRootFilesystem");
    private static final FieldPath SC_CAPABILITIES_DROP = FieldPath.root().child("securityContext", "capabilities", "drop");
    private static final FieldPath SC_PRIVILEGED = FieldPath.root().child("securityContext", "privileged");
    private static final FieldPath IMAGE = FieldPath.root().child("image");
    private static final FieldPath[][] RESOURCE_FIELDS = {
        {FieldPath.root().child("resources", "limits", "cpu"), FieldPath.root().child("resources", "limits", "memory")},
        {FieldPath.root().child("resources", "requests", "cpu"),
            FieldPath.root().child("resources", "requests", "memory")},
    };

    private static FieldPath resourceField(String kind, String resource) {
        return RESOURCE_FIELDS["limits".equals(kind) ? 0 : 1]["cpu".equals(resource) ? 0 : 1];
    }

    private static final String[][] MISSING_RESOURCE = {
        {missing("limits", "cpu"), missing("limits", "memory")},
        {missing("requests", "cpu"), missing("requests", "memory")},
    };

    private static String missing(String kind, String resource) {
        return "has no " + resource + " " + kind.substring(0, kind.length() - 1) + ": resources." + kind + "." + resource
                + " is unset";
    }

    private static String missingResource(String kind, String resource) {
        return MISSING_RESOURCE["limits".equals(kind) ? 0 : 1]["cpu".equals(resource) ? 0 : 1];
    }

    private ContainerConditions() {
    }

    /** {@code runAsNonRoot} is effectively true (container, else pod). */
    public static Condition<ContainerRef> runAsNonRoot() {
        return Condition.of("run as non-root", (c, events) -> {
            Effective<Boolean> e = c.runAsNonRoot();
            if (Boolean.TRUE.equals(e.value())) {
                if (events.recordsSatisfied()) {
                    events.satisfied(e.source(), "runs as non-root: runAsNonRoot is " + e.describe());
                } else {
                    events.satisfied();
                }
            } else {
                FieldPath fix = e.source() != null ? e.source() : c.field(SC_RUN_AS_NON_ROOT);
                events.violated(fix, MAY_RUN_AS_ROOT.of(e));
            }
        });
    }

    /** The effective {@code runAsUser} is not 0 (unset is fine: the image decides, see runAsNonRoot). */
    public static Condition<ContainerRef> notRunAsUid0() {
        return Condition.of("not set runAsUser to 0", (c, events) -> {
            Effective<Long> e = c.runAsUser();
            if (e.isSet() && e.value() == 0L) {
                events.violated(e.source(), "runs as UID 0: runAsUser is " + e.describe());
            } else if (events.recordsSatisfied()) {
                events.satisfied(e.source() != null ? e.source() : c.field(SC_RUN_AS_USER),
                        "does not set runAsUser to 0 (runAsUser is " + e.describe() + ")");
            } else {
                events.satisfied();
            }
        });
    }

    /** The effective seccomp profile is {@code RuntimeDefault} or {@code Localhost}; never unset or Unconfined. */
    public static Condition<ContainerRef> useSeccompProfile() {
        return Condition.of("use the RuntimeDefault or a Localhost seccomp profile", (c, events) -> {
            Effective<String> e = c.seccompProfileType();
            if ("RuntimeDefault".equals(e.value()) || "Localhost".equals(e.value())) {
                if (events.recordsSatisfied()) {
                    events.satisfied(e.source(), "uses seccomp profile " + e.describe());
                } else {
                    events.satisfied();
                }
            } else {
                FieldPath fix = e.source() != null ? e.source() : c.field(SC_SECCOMP_TYPE);
                events.violated(fix, e.isSet() ? "runs with seccomp profile " + e.describe()
                        : "has no seccomp profile (seccompProfile.type is unset on the container and the pod, "
                        + "so the runtime may run it Unconfined)");
            }
        });
    }

    /** {@code allowPrivilegeEscalation} is explicitly false (the default is true) and the container is not privileged. */
    public static Condition<ContainerRef> notAllowPrivilegeEscalation() {
        return Condition.of("not allow privilege escalation", (c, events) -> {
            Effective<Boolean> e = c.allowPrivilegeEscalation();
            Effective<Boolean> priv = c.privileged();
            if (Boolean.TRUE.equals(priv.value())) {
                events.violated(priv.source(), "allows privilege escalation: it is privileged");
            } else if (Boolean.FALSE.equals(e.value())) {
                if (events.recordsSatisfied()) {
                    events.satisfied(e.source(), "does not allow privilege escalation");
                } else {
                    events.satisfied();
                }
            } else {
                events.violated(e.source() != null ? e.source() : c.field(SC_ALLOW_PRIVILEGE_ESCALATION),
                        ALLOWS_ESCALATION.of(e));
            }
        });
    }

    /** {@code readOnlyRootFilesystem} is true. */
    public static Condition<ContainerRef> haveReadOnlyRootFilesystem() {
        return Condition.of("have a read-only root filesystem", (c, events) -> {
            Effective<Boolean> e = c.readOnlyRootFilesystem();
            if (Boolean.TRUE.equals(e.value())) {
                if (events.recordsSatisfied()) {
                    events.satisfied(e.source(), "has a read-only root filesystem");
                } else {
                    events.satisfied();
                }
            } else {
                events.violated(e.source() != null ? e.source() : c.field(SC_READ_ONLY_ROOT_FILESYSTEM),
                        WRITABLE_ROOT.of(e));
            }
        });
    }

    /** {@code capabilities.drop} contains {@code ALL}. */
    public static Condition<ContainerRef> dropAllCapabilities() {
        return Condition.of("drop all capabilities", (c, events) -> {
            List<String> drop = c.droppedCapabilities();
            if (drop.contains("ALL")) {
                if (events.recordsSatisfied()) {
                    events.satisfied(c.field(SC_CAPABILITIES_DROP), "drops all capabilities");
                } else {
                    events.satisfied();
                }
            } else {
                FieldPath path = c.field(SC_CAPABILITIES_DROP);
                events.violated(path, drop.isEmpty() ? "keeps the runtime's default capabilities: capabilities.drop is unset"
                        : "does not drop all capabilities: capabilities.drop is " + drop);
            }
        });
    }

    /** The container is not privileged. */
    public static Condition<ContainerRef> notBePrivileged() {
        return Condition.of("not be privileged", (c, events) -> {
            Effective<Boolean> e = c.privileged();
            if (Boolean.TRUE.equals(e.value())) {
                events.violated(e.source(), "is privileged: it has every capability and access to all host devices");
            } else if (events.recordsSatisfied()) {
                events.satisfied(e.source() != null ? e.source() : c.field(SC_PRIVILEGED), "is not privileged");
            } else {
                events.satisfied();
            }
        });
    }

    /** CPU and memory limits are set. Ephemeral containers cannot have resources and are skipped. */
    public static Condition<ContainerRef> haveResourceLimits() {
        return Condition.of("set CPU and memory limits", (c, events) -> checkResources(c, events, "limits"));
    }

    /**
     * CPU and memory requests are set, explicitly or by the API server's defaulting of requests to
     * limits. Ephemeral containers are skipped.
     *
     * @return the condition
     */
    public static Condition<ContainerRef> haveResourceRequests() {
        return Condition.of("set CPU and memory requests", (c, events) -> checkResources(c, events, "requests"));
    }

    private static void checkResources(ContainerRef c, ConditionEvents events, String kind) {
        if (c.slot() == ContainerSlot.EPHEMERAL) {
            events.notApplicable(c.path(), "ephemeral containers cannot set resources");
            return;
        }
        ResourceRequirements r = c.resources();
        Map<String, Quantity> own = r == null ? null : "limits".equals(kind) ? r.getLimits() : r.getRequests();
        Map<String, Quantity> limits = r == null ? null : r.getLimits();
        for (String resource : RESOURCES) {
            boolean set = own != null && own.get(resource) != null;
            boolean defaulted = !set && "requests".equals(kind) && limits != null && limits.get(resource) != null;
            if (set || defaulted) {
                if (events.recordsSatisfied()) {
                    events.satisfied(c.field(resourceField(kind, resource)),
                            "sets a " + resource + " " + kind.substring(0, kind.length() - 1)
                            + (defaulted ? " (defaulted from its limit)" : ""));
                } else {
                    events.satisfied();
                }
            } else {
                events.violated(c.field(resourceField(kind, resource)), missingResource(kind, resource));
            }
        }
    }

    /** The image reference carries a digest ({@code @sha256:...}). */
    public static Condition<ContainerRef> useImagePinnedByDigest() {
        return Condition.of("use an image pinned by digest", (c, events) -> {
            String image = c.image();
            if (hasDigest(image)) {
                if (events.recordsSatisfied()) {
                    events.satisfied(c.field(IMAGE), "uses image " + image + " pinned by digest");
                } else {
                    events.satisfied();
                }
            } else if (image.isEmpty()) {
                events.violated(c.field(IMAGE), "has no image");
            } else {
                events.violated(c.field(IMAGE), "uses image " + image + " without a digest: the tag can be moved to other content");
            }
        });
    }

    /** The image has an explicit tag other than {@code latest}, or a digest. */
    public static Condition<ContainerRef> notUseLatestTag() {
        return Condition.of("not use the latest tag or an untagged image", (c, events) -> {
            String image = c.image();
            int tag = tagStart(image);
            if ((tag >= 0 && !isLatest(image, tag)) || hasDigest(image)) {
                if (events.recordsSatisfied()) {
                    events.satisfied(c.field(IMAGE), "uses image " + image + " with a fixed reference");
                } else {
                    events.satisfied();
                }
                return;
            }
            FieldPath path = c.field(IMAGE);
            if (tag < 0) {
                events.violated(path, image.isEmpty() ? "has no image"
                        : "uses image " + image + " without a tag, which means latest");
            } else {
                events.violated(path, "uses image " + image + " with the mutable tag latest");
            }
        });
    }

    /**
     * Whether an image reference carries a digest: at some {@code @}, an algorithm of lower-case
     * letters and digits in components joined by one of {@code . + _ -}, a colon and at least 32
     * hexadecimal digits, then anything (the regular expression
     * {@code @[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}} found at that {@code @}). Scanned by
     * hand in one pass, with no allocation, since every container of every pod is checked; the
     * tests compare it with the regular expression.
     */
    static boolean hasDigest(String image) {
        for (int at = image.indexOf('@'); at >= 0; at = image.indexOf('@', at + 1)) {
            if (digestAt(image, at + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code algorithm:hex} (as {@link #hasDigest} describes it) starts at {@code i}. */
    private static boolean digestAt(String s, int i) {
        int n = s.length();
        boolean afterSeparator = true; // the algorithm starts with a letter or digit
        for (; i < n; i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                afterSeparator = false;
            } else if (c == '.' || c == '+' || c == '_' || c == '-') {
                if (afterSeparator) {
                    return false;
                }
                afterSeparator = true;
            } else {
                break;
            }
        }
        // the algorithm is everything up to the first other character, which must be the colon
        if (afterSeparator || i == n || s.charAt(i) != ':') {
            return false;
        }
        int hex = 0;
        for (i++; i < n && hex < 32; i++, hex++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                break;
            }
        }
        return hex >= 32;
    }

    /**
     * Where the tag of an image reference starts (after its colon), or -1 if it has none; found
     * without copying, since every container of every pod is checked.
     *
     * @param image e.g. {@code registry:5000/ns/app:1.2@sha256:...}
     * @return the index of the tag, e.g. of {@code 1.2}
     */
    private static int tagStart(String image) {
        int end = tagEnd(image);
        int slash = image.lastIndexOf('/', end - 1);
        int colon = image.lastIndexOf(':', end - 1);
        return colon > slash ? colon + 1 : -1;
    }

    /** Where the name and tag of an image reference end: at its digest, if it has one. */
    private static int tagEnd(String image) {
        int at = image.indexOf('@');
        return at >= 0 ? at : image.length();
    }

    /** Whether the tag starting at {@code start} is {@code latest}. */
    private static boolean isLatest(String image, int start) {
        int end = tagEnd(image);
        return end - start == 6 && image.startsWith("latest", start);
    }
}
