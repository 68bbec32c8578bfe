package io.github.policydsl.k8s.pss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PssLevelAndVersionTest {

    @Test
    void levelsParseExactlyTheLabelValues() {
        assertThat(PssLevel.parse("privileged")).isEqualTo(PssLevel.PRIVILEGED);
        assertThat(PssLevel.parse("baseline")).isEqualTo(PssLevel.BASELINE);
        assertThat(PssLevel.parse("restricted")).isEqualTo(PssLevel.RESTRICTED);
        assertThat(PssLevel.RESTRICTED.label()).isEqualTo("restricted");
        assertThat(PssLevel.RESTRICTED.isStricterThan(PssLevel.BASELINE)).isTrue();
        assertThat(PssLevel.BASELINE.isStricterThan(PssLevel.BASELINE)).isFalse();
        assertThat(PssLevel.PRIVILEGED.isStricterThan(PssLevel.BASELINE)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Restricted", "RESTRICTED", "", " baseline", "strict"})
    void levelsRejectOtherSpellings(String text) {
        assertThatThrownBy(() -> PssLevel.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.0", "v1.8", "v1.24", "v1.37", "v1.99", "latest"})
    void versionsRoundTrip(String text) {
        assertThat(PssVersion.parse(text).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.05", "1.25", "v1.25.0", "v2.0", "Latest", "v1.", "v1", "", "v1.-1", "V1.2",
        "v1.99999999999"})
    void versionsRejectInvalidStrings(String text) {
        assertThatThrownBy(() -> PssVersion.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionOfRejectsOtherMajors() {
        assertThatThrownBy(() -> PssVersion.of(2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PssVersion.of(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PssVersion.of(1, 24)).isEqualTo(PssVersion.parse("v1.24"));
    }

    @Test
    void latestResolvesToTheNewestCheckVariant() {
        // derived from the check table; at the fixture commit that is the sysctls v1.37 variant
        assertThat(PodSecurityChecks.latestVersion()).isEqualTo(PssVersion.of(1, 37));
        assertThat(PssVersion.latest().resolve()).isEqualTo(PssVersion.of(1, 37));
        assertThat(PssVersion.parse("v1.99").resolve()).isEqualTo(PssVersion.of(1, 37));
        assertThat(PssVersion.parse("v1.24").resolve()).isEqualTo(PssVersion.of(1, 24));
        assertThat(PssVersion.latest().isLatest()).isTrue();
        assertThatThrownBy(() -> PssVersion.latest().minor()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emulationVersionCapsResolution() {
        PssVersion emulation = PssVersion.parse("v1.33");
        assertThat(PssVersion.latest().resolve(emulation)).isEqualTo(PssVersion.of(1, 33));
        assertThat(PssVersion.parse("v1.37").resolve(emulation)).isEqualTo(PssVersion.of(1, 33));
        assertThat(PssVersion.parse("v1.20").resolve(emulation)).isEqualTo(PssVersion.of(1, 20));
        assertThat(PssVersion.parse("v1.20").resolve(PssVersion.latest())).isEqualTo(PssVersion.of(1, 20));
    }

    @Test
    void versionsOrderWithLatestLast() {
        List<PssVersion> list = new ArrayList<>(List.of(PssVersion.latest(), PssVersion.parse("v1.10"),
                PssVersion.parse("v1.9"), PssVersion.parse("v1.0"), PssVersion.parse("v1.99")));
        Collections.sort(list);
        assertThat(list).extracting(Object::toString).containsExactly("v1.0", "v1.9", "v1.10", "v1.99", "latest");
        assertThat(PssVersion.latest()).isEqualTo(PssVersion.parse("latest")).hasSameHashCodeAs(PssVersion.latest());
    }
}
