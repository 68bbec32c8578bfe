/**
 * AssertJ assertions for Dockerfiles: {@link io.github.policydsl.docker.assertj.DockerAssertions}
 * (entry point), {@link io.github.policydsl.docker.assertj.DockerfileAssert},
 * {@link io.github.policydsl.docker.assertj.StageAssert} and
 * {@link io.github.policydsl.docker.assertj.DockerSoftAssertions}. AssertJ is an optional
 * dependency: add {@code org.assertj:assertj-core} to your test classpath.
 */
package io.github.policydsl.docker.assertj;
