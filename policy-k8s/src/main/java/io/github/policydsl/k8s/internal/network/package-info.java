/**
 * Internal: label selector and CIDR matching, NetworkPolicy evaluation. Not API; use
 * {@code io.github.policydsl.k8s.network}.
 */
package io.github.policydsl.k8s.internal.network;
