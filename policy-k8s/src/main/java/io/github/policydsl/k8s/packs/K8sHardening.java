package io.github.policydsl.k8s.packs;

import io.github.policydsl.api.Policy;
import io.github.policydsl.api.Severity;
import io.github.policydsl.k8s.Manifests;

import static io.github.policydsl.k8s.K8sRules.pods;

/**
 * The {@code k8s-hardening} pack: the secure pod specification. Every rule applies to every pod
 * template (all controller kinds) and, where it concerns containers, to every container slot.
 * Rule ids are stable once released.
 *
 * <table>
 * <caption>Rules</caption>
 * <tr><th>id</th><th>severity</th></tr>
 * <tr><td>{@value #RUN_AS_NON_ROOT}</td><td>HIGH</td></tr>
 * <tr><td>{@value #RUN_AS_USER_NOT_ROOT}</td><td>HIGH</td></tr>
 * <tr><td>{@value #SECCOMP}</td><td>MEDIUM</td></tr>
 * <tr><td>{@value #NO_PRIVILEGE_ESCALATION}</td><td>HIGH</td></tr>
 * <tr><td>{@value #READ_ONLY_ROOT_FS}</td><td>MEDIUM</td></tr>
 * <tr><td>{@value #DROP_ALL}</td><td>MEDIUM</td></tr>
 * <tr><td>{@value #NOT_PRIVILEGED}</td><td>CRITICAL</td></tr>
 * <tr><td>{@value #NO_HOST_NAMESPACES}</td><td>HIGH</td></tr>
 * <tr><td>{@value #RESOURCE_LIMITS}</td><td>MEDIUM</td></tr>
 * <tr><td>{@value #RESOURCE_REQUESTS}</td><td>LOW</td></tr>
 * <tr><td>{@value #IMAGE_DIGEST}</td><td>MEDIUM</td></tr>
 * <tr><td>{@value #IMAGE_NO_LATEST}</td><td>HIGH</td></tr>
 * <tr><td>{@value #NO_SA_TOKEN}</td><td>MEDIUM</td></tr>
 * </table>
 */
public final class K8sHardening {

    /** The pack name. */
    public static final String NAME = "k8s-hardening";
    /** The pack version; rules are only added in a new version. */
    public static final String VERSION = "1.0.0";

    /** Id: effective runAsNonRoot is true. */
    public static final String RUN_AS_NON_ROOT = "k8s.run-as-non-root";
    /** Id: effective runAsUser is not 0. */
    public static final String RUN_AS_USER_NOT_ROOT = "k8s.run-as-user-not-root";
    /** Id: seccomp RuntimeDefault or Localhost. */
    public static final String SECCOMP = "k8s.seccomp-profile";
    /** Id: allowPrivilegeEscalation false. */
    public static final String NO_PRIVILEGE_ESCALATION = "k8s.no-privilege-escalation";
    /** Id: readOnlyRootFilesystem true. */
    public static final String READ_ONLY_ROOT_FS = "k8s.read-only-root-filesystem";
    /** Id: capabilities drop ALL. */
    public static final String DROP_ALL = "k8s.drop-all-capabilities";
    /** Id: not privileged. */
    public static final String NOT_PRIVILEGED = "k8s.no-privileged";
    /** Id: no hostNetwork, hostPID, hostIPC. */
    public static final String NO_HOST_NAMESPACES = "k8s.no-host-namespaces";
    /** Id: CPU and memory limits. */
    public static final String RESOURCE_LIMITS = "k8s.resource-limits";
    /** Id: CPU and memory requests. */
    public static final String RESOURCE_REQUESTS = "k8s.resource-requests";
    /** Id: image pinned by digest. */
    public static final String IMAGE_DIGEST = "k8s.image-digest";
    /** Id: no latest or missing tag. */
    public static final String IMAGE_NO_LATEST = "k8s.image-no-latest";
    /** Id: service account token not automounted. */
    public static final String NO_SA_TOKEN = "k8s.no-service-account-token";

    private static final Policy<Manifests> POLICY = Policy.<Manifests>named(NAME, VERSION).include(
            pods().must().runAsNonRoot().withId(RUN_AS_NON_ROOT).withSeverity(Severity.HIGH).allowEmptyShould(true)
                    .withRemediation("set securityContext.runAsNonRoot: true on the pod (or every container)"),
            pods().must().notRunAsUid0().withId(RUN_AS_USER_NOT_ROOT).withSeverity(Severity.HIGH).allowEmptyShould(true)
                    .withRemediation("set runAsUser to a non-zero UID such as 10000, or leave it to a non-root image USER"),
            pods().must().useSeccompProfile().withId(SECCOMP).withSeverity(Severity.MEDIUM).allowEmptyShould(true)
                    .withRemediation("set securityContext.seccompProfile.type: RuntimeDefault on the pod"),
            pods().must().notAllowPrivilegeEscalation().withId(NO_PRIVILEGE_ESCALATION).withSeverity(Severity.HIGH)
                    .allowEmptyShould(true)
                    .withRemediation("set securityContext.allowPrivilegeEscalation: false on every container"),
            pods().must().haveReadOnlyRootFilesystem().withId(READ_ONLY_ROOT_FS).withSeverity(Severity.MEDIUM)
                    .allowEmptyShould(true)
                    .withRemediation("set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where the app writes"),
            pods().must().dropAll().withId(DROP_ALL).withSeverity(Severity.MEDIUM).allowEmptyShould(true)
                    .withRemediation("set securityContext.capabilities.drop: [ALL] and add back only what is needed"),
            pods().must().notBePrivileged().withId(NOT_PRIVILEGED).withSeverity(Severity.CRITICAL).allowEmptyShould(true)
                    .withRemediation("remove securityContext.privileged: true; grant specific capabilities instead"),
            pods().must().notShareHostNamespaces().withId(NO_HOST_NAMESPACES).withSeverity(Severity.HIGH)
                    .allowEmptyShould(true)
                    .withRemediation("remove hostNetwork, hostPID and hostIPC from the pod spec"),
            pods().must().haveResourceLimits().withId(RESOURCE_LIMITS).withSeverity(Severity.MEDIUM).allowEmptyShould(true)
                    .withRemediation("set resources.limits.cpu and resources.limits.memory on every container"),
            pods().must().haveResourceRequests().withId(RESOURCE_REQUESTS).withSeverity(Severity.LOW).allowEmptyShould(true)
                    .withRemediation("set resources.requests.cpu and resources.requests.memory on every container"),
            pods().must().useImagePinnedByDigest().withId(IMAGE_DIGEST).withSeverity(Severity.MEDIUM).allowEmptyShould(true)
                    .withRemediation("reference images by digest: image: registry/app:1.2.3@sha256:..."),
            pods().must().notUseLatestTag().withId(IMAGE_NO_LATEST).withSeverity(Severity.HIGH).allowEmptyShould(true)
                    .withRemediation("use an explicit version tag (and a digest), never latest or no tag"),
            pods().must().notAutomountServiceAccountToken().withId(NO_SA_TOKEN).withSeverity(Severity.MEDIUM)
                    .allowEmptyShould(true)
                    .withRemediation("set automountServiceAccountToken: false on the pod or its ServiceAccount"));

    private K8sHardening() {
    }

    /** The pack. */
    public static Policy<Manifests> policy() {
        return POLICY;
    }
}
