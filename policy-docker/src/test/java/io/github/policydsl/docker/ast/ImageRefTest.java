package io.github.policydsl.docker.ast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ImageRefTest {

    private static final String DIGEST = "sha256:" + "a".repeat(64);

    @Test
    void fullReferenceWithPortNamespaceTagAndDigest() {
        ImageRef r = ImageRef.parse("registry:5000/ns/img:tag@" + DIGEST);
        assertThat(r.registry()).contains("registry:5000");
        assertThat(r.repository()).isEqualTo("ns/img");
        assertThat(r.tag()).contains("tag");
        assertThat(r.digest()).contains(DIGEST);
        assertThat(r.isPinnedByDigest()).isTrue();
        assertThat(r.normalizedName()).isEqualTo("registry:5000/ns/img");
    }

    @Test
    void dockerHubNamesAreNormalized() {
        ImageRef r = ImageRef.parse("alpine");
        assertThat(r.registry()).isEmpty();
        assertThat(r.registryOrDefault()).isEqualTo("docker.io");
        assertThat(r.normalizedName()).isEqualTo("docker.io/library/alpine");
        assertThat(r.tag()).isEmpty();
        assertThat(r.effectiveTag()).contains("latest");
        assertThat(ImageRef.parse("library/nginx:1.27").normalizedName()).isEqualTo("docker.io/library/nginx");
        assertThat(ImageRef.parse("localhost/x").registry()).contains("localhost");
        assertThat(ImageRef.parse("ghcr.io/o/r@" + DIGEST).effectiveTag()).isEmpty();
    }

    @Test
    void scratchIsRecognised() {
        assertThat(ImageRef.parse("scratch").isScratch()).isTrue();
        assertThat(ImageRef.parse("scratch:1").isScratch()).isFalse();
    }

    @Test
    void invalidReferencesAreRejected() {
        assertThat(ImageRef.tryParse("Alpine")).isEmpty();
        assertThat(ImageRef.parse("UPPER/case").registry()).contains("UPPER");
        assertThat(ImageRef.tryParse("")).isEmpty();
        assertThat(ImageRef.tryParse("a:b:c")).isEmpty();
        assertThat(ImageRef.tryParse("img@sha256:short")).isEmpty();
        assertThat(ImageRef.tryParse("img:-bad")).isEmpty();
        assertThat(ImageRef.tryParse("a//b")).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> ImageRef.parse("UPPER")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stageImageUsesTheParsedReference() {
        Dockerfile df = io.github.policydsl.docker.parse.DockerfileParser.defaults()
                .parse("Dockerfile", "FROM scratch\nCOPY a /\n");
        assertThat(df.stages().get(0).image()).get().satisfies(r -> assertThat(r.isScratch()).isTrue());
    }
}
