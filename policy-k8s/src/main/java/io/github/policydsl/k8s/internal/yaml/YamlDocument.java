package io.github.policydsl.k8s.internal.yaml;

import tools.jackson.databind.JsonNode;


/**
 * One document of a YAML stream: its tree (null for an empty document), the positions of its
 * nodes keyed by JSON Pointer ({@code line << 32 | column}, 1-based), or the problem that stopped it.
 *
 * @param index the 0-based document index in the file
 * @param root the tree, or null if the document is empty or broken
 * @param positions node positions
 * @param rootPosition the position of the document's first node
 * @param problem null, or what is wrong
 * @param problemLine the 1-based line of the problem
 * @param problemColumn the 1-based column of the problem
 */
public record YamlDocument(int index, JsonNode root, PositionTree positions, long rootPosition,
        String problem, int problemLine, int problemColumn) {

    /** Whether the document could not be read. */
    public boolean failed() {
        return problem != null;
    }

    /** The 1-based line where the document starts. */
    public int line() {
        return (int) (rootPosition >>> 32);
    }
}
