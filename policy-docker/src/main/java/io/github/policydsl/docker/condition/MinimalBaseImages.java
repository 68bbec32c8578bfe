package io.github.policydsl.docker.condition;

import io.github.policydsl.docker.ast.ImageRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An allow-list of minimal base images, as patterns with {@code *} (any characters, including
 * {@code /}) matched case-insensitively against an image's name and tag as written
 * ({@code gcr.io/distroless/static-debian12:nonroot}) and against its normalised form
 * ({@code docker.io/library/alpine:3.20}). {@code scratch} is always allowed. Immutable.
 *
 * <p>Defaults: {@value #DEFAULTS_TEXT}.
 */
public final class MinimalBaseImages {

    /** The default patterns, as text. */
    public static final String DEFAULTS_TEXT = "*distroless*, cgr.dev/chainguard/*, *alpine*, *slim*, "
            + "*ubi-minimal*, *ubi-micro*, *-minimal:*, busybox*, *busybox:*";

    private static final MinimalBaseImages DEFAULTS = new MinimalBaseImages(List.of(DEFAULTS_TEXT.split(",\\s*")));

    private final List<String> patterns;

    private MinimalBaseImages(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** The default allow-list. */
    public static MinimalBaseImages defaults() {
        return DEFAULTS;
    }

    /**
     * Only these patterns (plus {@code scratch}).
     *
     * @param patterns e.g. {@code registry.acme.io/base/*}
     * @return the allow-list
     */
    public static MinimalBaseImages only(String... patterns) {
        return new MinimalBaseImages(List.of(patterns));
    }

    /**
     * This list with more patterns.
     *
     * @param more patterns to add
     * @return a new allow-list
     */
    public MinimalBaseImages allow(String... more) {
        List<String> all = new ArrayList<>(patterns);
        all.addAll(List.of(more));
        return new MinimalBaseImages(all);
    }

    /** The patterns. */
    public List<String> patterns() {
        return patterns;
    }

    /**
     * Whether an image is on the list.
     *
     * @param image the image
     * @return true when allowed
     */
    public boolean allows(ImageRef image) {
        Objects.requireNonNull(image, "image");
        if (image.isScratch()) {
            return true;
        }
        String tag = image.tag().map(t -> ":" + t).orElse("");
        String written = image.registry().map(r -> r + "/").orElse("") + image.repository() + tag;
        String normal = image.normalizedName() + tag;
        for (String p : patterns) {
            String lp = p.toLowerCase(Locale.ROOT);
            if (matches(lp, written.toLowerCase(Locale.ROOT)) || matches(lp, normal.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Wildcard match with {@code *} only; greedy with one backtrack point, O(n*m) worst case, no regex. */
    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return String.join(", ", patterns);
    }
}
