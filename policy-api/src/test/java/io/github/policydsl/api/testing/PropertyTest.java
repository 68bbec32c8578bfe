package io.github.policydsl.api.testing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PropertyTest {

    @Test
    void replayReproducesAValue() {
        Gen<List<Integer>> gen = Gen.ints(0, 1000).list(0, 20);
        Choices c = Choices.random(7);
        List<Integer> value = gen.generate(c);
        assertThat(gen.generate(Choices.replay(c.recorded()))).isEqualTo(value);
    }

    @Test
    void shrinksToTheMinimalCounterexample() {
        // false: "no list contains a number above 500"
        assertThatThrownBy(() -> Property.forAll(Gen.ints(0, 1000).list(0, 20)).tries(200)
                .check(list -> assertThat(list).allMatch(i -> i <= 500)))
                .isInstanceOfSatisfying(PropertyFailure.class, f -> {
                    assertThat(f.counterexample()).isEqualTo(List.of(501));
                    assertThat(f.getMessage()).contains("minimal counterexample:\n[501]").contains("seed 42");
                    assertThat(Gen.ints(0, 1000).list(0, 20).generate(Choices.replay(f.choices()))).isEqualTo(List.of(501));
                });
    }

    @Test
    void aTruePropertyPassesAndTriesAreCounted() {
        List<Integer> seen = new ArrayList<>();
        Property.forAll(Gen.ints(-5, 5)).tries(77).check(seen::add);
        assertThat(seen).hasSize(77).allMatch(i -> i >= -5 && i <= 5);
    }

    @Test
    void optionalShrinksToAbsentAndOneOfToTheFirst() {
        assertThat(Gen.oneOf("a", "b").optional(0.9).generate(Choices.replay(List.of()))).isNull();
        assertThat(Gen.oneOf("a", "b").generate(Choices.replay(List.of()))).isEqualTo("a");
    }

    @Test
    void externalSourcesAreReducedIntoRange() {
        Choices c = Choices.fromInts(bound -> -7);
        assertThat(c.choose(5)).isBetween(0, 4);
    }

    @Test
    void runawayGenerationIsBounded() {
        Gen<Integer> forever = c -> {
            while (true) {
                c.choose(2);
            }
        };
        assertThatThrownBy(() -> forever.generate(Choices.random(1))).isInstanceOf(Choices.GenerationLimitException.class);
    }
}
