package io.github.policydsl.docker.internal.parser;

/**
 * Resource limits for one parse.
 *
 * @param maxInputBytes largest accepted input
 * @param maxLines most physical lines
 * @param maxLineBytes longest physical line without its line ending (the reference parser: 65535)
 * @param maxInstructions most instructions
 * @param maxNestingDepth deepest ONBUILD nesting
 */
public record Limits(long maxInputBytes, int maxLines, int maxLineBytes, int maxInstructions, int maxNestingDepth) {
}
