package io.github.policydsl.k8s.load;

/**
 * Explicit limits that keep loading bounded in time and memory. Input beyond a limit becomes an
 * ERROR naming the file and line, never an OutOfMemoryError or a hang.
 *
 * @param maxFileBytes the largest file read, in bytes
 * @param maxDocumentCodePoints the largest YAML document, in characters (Jackson's own YAML reader
 *     stops at 3 MB; large CRDs need more, so the default here is 16 Mi)
 * @param maxDepth the deepest nesting of mappings and lists
 * @param maxAliases the most alias references in one document
 * @param maxNodes the most nodes in one document after alias and merge-key expansion
 */
public record LoaderLimits(long maxFileBytes, int maxDocumentCodePoints, int maxDepth, int maxAliases, long maxNodes) {

    /** Checks that every limit is positive. */
    public LoaderLimits {
        if (maxFileBytes <= 0 || maxDocumentCodePoints <= 0 || maxDepth <= 0 || maxAliases < 0 || maxNodes <= 0) {
            throw new IllegalArgumentException("loader limits must be positive");
        }
    }

    /**
     * The defaults: files up to 256 MiB, documents up to 16 Mi characters, nesting 256, 1,000
     * aliases and 2,000,000 nodes per document.
     *
     * @return the default limits
     */
    public static LoaderLimits defaults() {
        return new LoaderLimits(256L << 20, 16 << 20, 256, 1_000, 2_000_000L);
    }

    /**
     * These limits with another document size.
     *
     * @param codePoints the largest document, in characters
     * @return new limits
     */
    public LoaderLimits withMaxDocumentCodePoints(int codePoints) {
        return new LoaderLimits(maxFileBytes, codePoints, maxDepth, maxAliases, maxNodes);
    }

    /**
     * These limits with another nesting depth.
     *
     * @param depth the deepest nesting
     * @return new limits
     */
    public LoaderLimits withMaxDepth(int depth) {
        return new LoaderLimits(maxFileBytes, maxDocumentCodePoints, depth, maxAliases, maxNodes);
    }

    /**
     * These limits with other alias limits.
     *
     * @param aliases the most alias references per document
     * @param nodes the most nodes per document after expansion
     * @return new limits
     */
    public LoaderLimits withAliasLimits(int aliases, long nodes) {
        return new LoaderLimits(maxFileBytes, maxDocumentCodePoints, maxDepth, aliases, nodes);
    }

    /**
     * These limits with another file size.
     *
     * @param bytes the largest file
     * @return new limits
     */
    public LoaderLimits withMaxFileBytes(long bytes) {
        return new LoaderLimits(bytes, maxDocumentCodePoints, maxDepth, maxAliases, maxNodes);
    }
}
