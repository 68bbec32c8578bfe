/**
 * Parsing Dockerfiles into {@link io.github.policydsl.docker.ast.Dockerfile}:
 * {@link io.github.policydsl.docker.parse.DockerfileParser} accepts and rejects exactly what
 * BuildKit's Dockerfile frontend parser does and reports rejections as
 * {@link io.github.policydsl.docker.parse.DockerfileParseException} with file, line and column.
 */
package io.github.policydsl.docker.parse;
