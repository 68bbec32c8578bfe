/**
 * The Dockerfile syntax tree: {@link io.github.policydsl.docker.ast.Dockerfile},
 * {@link io.github.policydsl.docker.ast.Stage} and one record per instruction
 * ({@link io.github.policydsl.docker.ast.Instruction} is sealed). Every instruction and argument
 * carries a {@link io.github.policydsl.docker.ast.SourceRange}. Argument values are as the
 * reference parser stores them (unexpanded); stages give resolved values (base image, user,
 * working directory, environment) following BuildKit's variable expansion and scoping.
 * All types are immutable and thread-safe.
 */
package io.github.policydsl.docker.ast;
