/**
 * The Kubernetes Pod Security Standards as the Pod Security admission controller enforces them.
 *
 * <p>{@link io.github.policydsl.k8s.pss.PodSecurityChecks} evaluates a pod or pod template at a
 * {@link io.github.policydsl.k8s.pss.PssLevel} and {@link io.github.policydsl.k8s.pss.PssVersion}
 * and returns one {@link io.github.policydsl.k8s.pss.PssCheckResult} per forbidden check, with the
 * admission controller's reason and detail and the field paths to change:
 *
 * <pre>{@code
 * List<PssCheckResult> forbidden = PodSecurityChecks.evaluate(
 *         PssLevel.RESTRICTED, PssVersion.parse("v1.30"), pod.getMetadata(), pod.getSpec());
 * if (!forbidden.isEmpty()) {
 *     String text = PodSecurityChecks.violationMessage(PssLevel.RESTRICTED, PssVersion.parse("v1.30"),
 *             forbidden, true);
 * }
 * }</pre>
 *
 * <p>The behaviour is verified against every upstream pod-security-admission fixture (4537 cases,
 * policy versions v1.0 to v1.37).
 *
 * <p>As policies over manifests: {@link io.github.policydsl.k8s.pss.PodSecurityStandards} gives one
 * standard at a version ({@code PodSecurityStandards.restricted()}, rule id {@code k8s.pss.restricted}),
 * and {@link io.github.policydsl.k8s.pss.PodSecurityAdmission} simulates the admission controller
 * over a bundle: each pod template at the enforce, audit and warn levels its Namespace's
 * {@code pod-security.kubernetes.io/*} labels select, with the invalid-label fallbacks and
 * exemptions of the admission configuration. In the DSL, the same check is
 * {@code pods().must().meetPodSecurity(PssLevel.RESTRICTED)}.
 */
package io.github.policydsl.k8s.pss;
