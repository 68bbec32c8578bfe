package io.github.policydsl.docker.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * A container image reference such as {@code registry:5000/ns/img:tag@sha256:...}, split the way
 * Docker's reference grammar does. The registry is only recognised when the first path component
 * contains a dot or a colon, is {@code localhost}, or contains an upper-case letter; otherwise the
 * image lives on Docker Hub.
 *
 * @param reference the reference as given
 * @param registry the registry host (with port) as written; empty for Docker Hub
 * @param repository the repository path without registry, e.g. {@code ns/img} or {@code alpine}
 * @param tag the tag; empty when absent
 * @param digest the digest, e.g. {@code sha256:...}; empty when absent
 */
public record ImageRef(String reference, Optional<String> registry, String repository, Optional<String> tag,
        Optional<String> digest) {

    /** The default registry. */
    public static final String DOCKER_HUB = "docker.io";

    /**
     * Checks the components.
     *
     * @param reference as given
     * @param registry registry
     * @param repository repository
     * @param tag tag
     * @param digest digest
     */
    public ImageRef {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
    }

    /**
     * Parses a reference.
     *
     * @param reference text such as {@code alpine:3.20}
     * @return the parsed reference
     * @throws IllegalArgumentException when the text is not a valid reference
     */
    public static ImageRef parse(String reference) {
        return tryParse(reference).orElseThrow(() -> new IllegalArgumentException("invalid image reference: "
                + reference));
    }

    /**
     * Parses a reference, returning empty when it is not valid.
     *
     * @param reference text
     * @return the parsed reference or empty
     */
    public static Optional<ImageRef> tryParse(String reference) {
        if (reference == null || reference.isEmpty() || reference.length() > 4096) {
            return Optional.empty();
        }
        String rest = reference;
        Optional<String> digest = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            String d = rest.substring(at + 1);
            if (!isDigest(d)) {
                return Optional.empty();
            }
            digest = Optional.of(d);
            rest = rest.substring(0, at);
        }
        Optional<String> tag = Optional.empty();
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            String t = rest.substring(colon + 1);
            if (!isTag(t)) {
                return Optional.empty();
            }
            tag = Optional.of(t);
            rest = rest.substring(0, colon);
        }
        Optional<String> registry = Optional.empty();
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.indexOf('.') >= 0 || first.indexOf(':') >= 0 || first.equals("localhost")
                    || !first.equals(first.toLowerCase(java.util.Locale.ROOT))) {
                if (!isDomain(first)) {
                    return Optional.empty();
                }
                registry = Optional.of(first);
                rest = rest.substring(slash + 1);
            }
        }
        if (!isPath(rest) || rest.length() + registry.map(r -> r.length() + 1).orElse(0) > 255) {
            return Optional.empty();
        }
        return Optional.of(new ImageRef(reference, registry, rest, tag, digest));
    }

    private static boolean isAlnumLower(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isPath(String p) {
        if (p.isEmpty()) {
            return false;
        }
        for (String comp : p.split("/", -1)) {
            if (comp.isEmpty() || !isAlnumLower(comp.charAt(0)) || !isAlnumLower(comp.charAt(comp.length() - 1))) {
                return false;
            }
            int i = 0;
            while (i < comp.length()) {
                char c = comp.charAt(i);
                if (isAlnumLower(c)) {
                    i++;
                    continue;
                }
                int j = i;
                while (j < comp.length() && !isAlnumLower(comp.charAt(j))) {
                    j++;
                }
                String sep = comp.substring(i, j);
                boolean ok = sep.equals(".") || sep.equals("_") || sep.equals("__") || sep.chars().allMatch(ch -> ch == '-');
                if (!ok) {
                    return false;
                }
                i = j;
            }
        }
        return true;
    }

    private static boolean isDomain(String d) {
        String host = d;
        int colon = d.lastIndexOf(':');
        if (d.startsWith("[")) {
            int close = d.indexOf(']');
            if (close < 0) {
                return false;
            }
            host = d.substring(1, close);
            String after = d.substring(close + 1);
            if (!after.isEmpty() && !(after.startsWith(":") && isPort(after.substring(1)))) {
                return false;
            }
            return !host.isEmpty() && host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        }
        if (colon >= 0) {
            if (!isPort(d.substring(colon + 1))) {
                return false;
            }
            host = d.substring(0, colon);
        }
        if (host.isEmpty()) {
            return false;
        }
        for (String label : host.split("\\.", -1)) {
            if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-') {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isPort(String p) {
        return !p.isEmpty() && p.length() <= 5 && p.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isTag(String t) {
        if (t.isEmpty() || t.length() > 128) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!(word || (i > 0 && (c == '.' || c == '-')))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigest(String d) {
        int colon = d.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        String alg = d.substring(0, colon);
        String hex = d.substring(colon + 1);
        if (!Character.isLetter(alg.charAt(0)) || alg.charAt(0) > 127) {
            return false;
        }
        for (int i = 0; i < alg.length(); i++) {
            char c = alg.charAt(i);
            boolean ok = (c < 128 && Character.isLetterOrDigit(c)) || c == '-' || c == '_' || c == '+' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return hex.length() >= 32 && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
    }

    /**
     * Whether this is the reserved empty image {@code scratch}.
     *
     * @return true for {@code scratch}
     */
    public boolean isScratch() {
        return registry.isEmpty() && repository.equals("scratch") && tag.isEmpty() && digest.isEmpty();
    }

    /**
     * The registry, {@code docker.io} when none was written.
     *
     * @return registry host
     */
    public String registryOrDefault() {
        return registry.orElse(DOCKER_HUB);
    }

    /**
     * The fully qualified repository, e.g. {@code docker.io/library/alpine}.
     *
     * @return normalized name
     */
    public String normalizedName() {
        String repo = registry.isEmpty() && repository.indexOf('/') < 0 ? "library/" + repository : repository;
        return registryOrDefault() + "/" + repo;
    }

    /**
     * Whether the image is pinned by digest.
     *
     * @return true when a digest is present
     */
    public boolean isPinnedByDigest() {
        return digest.isPresent();
    }

    /**
     * The tag that will be pulled: the written tag, or {@code latest} when neither tag nor digest is
     * given.
     *
     * @return tag, empty for a digest-only reference
     */
    public Optional<String> effectiveTag() {
        if (tag.isPresent()) {
            return tag;
        }
        return digest.isPresent() ? Optional.empty() : Optional.of("latest");
    }
}
