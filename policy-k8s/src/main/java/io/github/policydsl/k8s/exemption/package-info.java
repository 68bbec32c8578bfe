/**
 * Kubernetes support for exemptions and baselines: a
 * {@link io.github.policydsl.k8s.exemption.K8sFindingContext} that knows the container, labels and
 * annotations behind each finding, and {@link io.github.policydsl.k8s.exemption.ExemptionFiles},
 * which reads the exemptions file from YAML (or JSON).
 */
package io.github.policydsl.k8s.exemption;
