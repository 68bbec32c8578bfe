package io.github.policydsl.k8s.internal.pss;

import io.github.policydsl.k8s.pss.PssLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A registered check: id, level, versioned variants and the baseline checks it replaces at the
 * restricted level (while any of its variants is in force).
 *
 * @param id the check id
 * @param level baseline or restricted
 * @param variants variants sorted by minimum minor version
 * @param overrides ids of baseline checks hidden at restricted while this check applies
 */
public record CheckDefinition(String id, PssLevel level, List<Variant> variants, Set<String> overrides) {

    /**
     * A variant of a check, in force from its minimum minor version (major is 1) until the next
     * variant's minimum.
     *
     * @param minMinor the first minor version of this variant
     * @param function the logic
     */
    public record Variant(int minMinor, CheckFunction function) {
    }

    /** Sorts and copies the variants and overrides. */
    public CheckDefinition {
        if (level == PssLevel.PRIVILEGED) {
            throw new IllegalArgumentException("checks are baseline or restricted");
        }
        List<Variant> sorted = new ArrayList<>(variants);
        sorted.sort(Comparator.comparingInt(Variant::minMinor));
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("check " + id + " has no variant");
        }
        variants = List.copyOf(sorted);
        overrides = Set.copyOf(overrides);
    }

    static CheckDefinition of(String id, PssLevel level, Variant... variants) {
        return new CheckDefinition(id, level, List.of(variants), Set.of());
    }

    static Variant since(int minMinor, CheckFunction function) {
        return new Variant(minMinor, function);
    }

    CheckDefinition overriding(String... baselineIds) {
        return new CheckDefinition(id, level, variants, Set.of(baselineIds));
    }

    /**
     * The variant in force at a minor version: the one with the largest minimum not above it.
     *
     * @param minor the resolved minor version
     * @return the variant, or empty when the check does not exist yet at that version
     */
    public Optional<Variant> variantAt(int minor) {
        Variant found = null;
        for (Variant v : variants) {
            if (v.minMinor() <= minor) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The highest minimum minor version of any variant. */
    int maxMinMinor() {
        return variants.get(variants.size() - 1).minMinor();
    }
}
