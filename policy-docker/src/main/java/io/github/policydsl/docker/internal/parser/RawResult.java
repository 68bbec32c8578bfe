package io.github.policydsl.docker.internal.parser;

import java.util.List;
import java.util.Map;

/**
 * Output of {@link RawParser}.
 *
 * @param nodes instructions in file order
 * @param escapeToken backslash or backtick
 * @param warnings parser warnings
 * @param directives recognised parser directives (lower-case name to value), in file order
 */
public record RawResult(List<RawNode> nodes, char escapeToken, List<String> warnings, Map<String, String> directives) {
}
