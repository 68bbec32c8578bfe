/**
 * RBAC analysis answered from the manifests alone: the {@link io.github.policydsl.k8s.rbac.RbacGraph}
 * (effective permissions, who-can queries, ClusterRole aggregation, binding scope), subjects and
 * conditions for the DSL ({@code roles()}, {@code clusterRoles()}, {@code roleBindings()},
 * {@code serviceAccounts()}, {@code serviceAccount("ns/name").mayOnly(..)}) and the {@code rbac}
 * pack ({@link io.github.policydsl.k8s.rbac.RbacPack}).
 *
 * <p>Not modelled: built-in roles other than {@code cluster-admin} (admin, edit, view, system:*),
 * groups an identity provider asserts, permissions from other authorizers (Node, webhook, ABAC),
 * and {@code nonResourceURLs} beyond listing them.
 */
package io.github.policydsl.k8s.rbac;
