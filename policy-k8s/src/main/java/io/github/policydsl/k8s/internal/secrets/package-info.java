/**
 * Internal: credential detection heuristics. Not API; use {@code io.github.policydsl.k8s.secrets}.
 */
package io.github.policydsl.k8s.internal.secrets;
