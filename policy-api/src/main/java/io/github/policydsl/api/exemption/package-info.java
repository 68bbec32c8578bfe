/**
 * Governance over reports: exemptions (declared in code, in a reviewed file, or by an annotation
 * on the object) and baselines that ratchet. Both are report transformations: they turn matching
 * FAIL and WARN findings into SKIP findings that carry the reason
 * ({@link io.github.policydsl.api.result.Violation#exemption()}), so every report format shows
 * why a finding did not count.
 *
 * <p>Identity: exemptions and baselines never look at line numbers or message text. A finding is
 * identified by its {@link io.github.policydsl.api.exemption.Fingerprint}: rule id, apiVersion,
 * kind, namespace, name, container name and field path (relative to the container when the finding
 * concerns one, so reordering containers does not orphan an entry). Domain modules supply a
 * {@link io.github.policydsl.api.exemption.FindingContext} that knows container names, labels and
 * annotations; {@link io.github.policydsl.api.exemption.FindingContext#basic()} knows only what the
 * finding itself says.
 */
package io.github.policydsl.api.exemption;
