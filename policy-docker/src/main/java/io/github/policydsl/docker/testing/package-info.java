/**
 * Property-based testing support for Dockerfiles: generators of Dockerfile texts and ASTs
 * ({@link io.github.policydsl.docker.testing.DockerfileGenerators}) and weakening operators for
 * every rule of the {@code dockerfile} pack ({@link io.github.policydsl.docker.testing.DockerMutations}).
 * Engine-neutral: the generators draw from {@link io.github.policydsl.api.testing.Choices}.
 */
package io.github.policydsl.docker.testing;
