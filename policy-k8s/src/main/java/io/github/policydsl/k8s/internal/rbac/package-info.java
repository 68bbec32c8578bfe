/**
 * Internal: RBAC rule matching and graph construction. Not API; use
 * {@code io.github.policydsl.k8s.rbac}.
 */
package io.github.policydsl.k8s.internal.rbac;
