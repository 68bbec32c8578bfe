/**
 * Internal: the Pod Security Standards check table and the check implementations, one class per
 * check. Not API; use {@code io.github.policydsl.k8s.pss}.
 */
package io.github.policydsl.k8s.internal.pss;
