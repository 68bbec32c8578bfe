package io.github.policydsl.k8s.internal.pss;

import java.util.Collection;
import java.util.stream.Collectors;

/** Wording helpers for forbidden details. */
final class Text {

    private Text() {
    }

    static String plural(String singular, String plural, int count) {
        return count == 1 ? singular : plural;
    }

    /** {@code "a", "b"}. */
    static String joinQuote(Collection<String> items) {
        return items.stream().map(Text::quote).collect(Collectors.joining(", "));
    }

    /** A double-quoted string with backslash and quote escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** {@code container "a"} or {@code containers "a", "b"}. */
    static String containers(Collection<String> names) {
        return plural("container", "containers", names.size()) + " " + joinQuote(names);
    }
}
