/**
 * Reports in Kubernetes formats: {@link io.github.policydsl.k8s.report.PolicyReportWriter} writes
 * the {@code wgpolicyk8s.io/v1alpha2} PolicyReport and ClusterPolicyReport resources.
 */
package io.github.policydsl.k8s.report;
