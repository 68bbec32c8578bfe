package io.github.policydsl.k8s.internal.yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.math.BigInteger;
import java.util.Map;

/**
 * Resolution of plain YAML scalars the way Kubernetes reads them (go-yaml v2 behind
 * sigs.k8s.io/yaml, i.e. YAML 1.1): {@code yes/no/on/off/y/n} are booleans, {@code 0644} is octal,
 * {@code 0x1F} hex, {@code 0b101} binary, underscores are ignored in numbers, {@code ~} and
 * {@code null} are null. Timestamps stay strings. Without backtracking regular expressions.
 */
public final class Yaml11 {

    private static final JsonNodeFactory NF = JsonNodeFactory.instance;
    private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_ULONG = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private static final Map<String, JsonNode> SPECIAL = Map.ofEntries(
            Map.entry("y", NF.booleanNode(true)), Map.entry("Y", NF.booleanNode(true)),
            Map.entry("yes", NF.booleanNode(true)), Map.entry("Yes", NF.booleanNode(true)),
            Map.entry("YES", NF.booleanNode(true)), Map.entry("true", NF.booleanNode(true)),
            Map.entry("True", NF.booleanNode(true)), Map.entry("TRUE", NF.booleanNode(true)),
            Map.entry("on", NF.booleanNode(true)), Map.entry("On", NF.booleanNode(true)),
            Map.entry("ON", NF.booleanNode(true)),
            Map.entry("n", NF.booleanNode(false)), Map.entry("N", NF.booleanNode(false)),
            Map.entry("no", NF.booleanNode(false)), Map.entry("No", NF.booleanNode(false)),
            Map.entry("NO", NF.booleanNode(false)), Map.entry("false", NF.booleanNode(false)),
            Map.entry("False", NF.booleanNode(false)), Map.entry("FALSE", NF.booleanNode(false)),
            Map.entry("off", NF.booleanNode(false)), Map.entry("Off", NF.booleanNode(false)),
            Map.entry("OFF", NF.booleanNode(false)),
            Map.entry("", NF.nullNode()), Map.entry("~", NF.nullNode()), Map.entry("null", NF.nullNode()),
            Map.entry("Null", NF.nullNode()), Map.entry("NULL", NF.nullNode()),
            Map.entry(".nan", NF.numberNode(Double.NaN)), Map.entry(".NaN", NF.numberNode(Double.NaN)),
            Map.entry(".NAN", NF.numberNode(Double.NaN)),
            Map.entry(".inf", NF.numberNode(Double.POSITIVE_INFINITY)),
            Map.entry(".Inf", NF.numberNode(Double.POSITIVE_INFINITY)),
            Map.entry(".INF", NF.numberNode(Double.POSITIVE_INFINITY)),
            Map.entry("+.inf", NF.numberNode(Double.POSITIVE_INFINITY)),
            Map.entry("+.Inf", NF.numberNode(Double.POSITIVE_INFINITY)),
            Map.entry("+.INF", NF.numberNode(Double.POSITIVE_INFINITY)),
            Map.entry("-.inf", NF.numberNode(Double.NEGATIVE_INFINITY)),
            Map.entry("-.Inf", NF.numberNode(Double.NEGATIVE_INFINITY)),
            Map.entry("-.INF", NF.numberNode(Double.NEGATIVE_INFINITY)));

    private Yaml11() {
    }

    /**
     * Resolves a plain (unquoted, untagged) scalar.
     *
     * @param text the scalar text
     * @return a boolean, null, number or string node
     */
    public static JsonNode resolvePlain(String text) {
        JsonNode special = SPECIAL.get(text);
        if (special != null) {
            return special;
        }
        char c = text.charAt(0);
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
            String plain = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
            JsonNode n = parseInteger(plain);
            if (n != null) {
                return n;
            }
            if (isFloat(plain)) {
                try {
                    return NF.numberNode(Double.parseDouble(plain));
                } catch (NumberFormatException e) {
                    return NF.stringNode(text);
                }
            }
        }
        return NF.stringNode(text);
    }

    /**
     * Parses an integer as Go's {@code strconv.ParseInt(s, 0, 64)} does (then unsigned 64-bit).
     *
     * @param s the text without underscores
     * @return a number node, or null if it is not an integer
     */
    static JsonNode parseInteger(String s) {
        int i = 0;
        boolean negative = false;
        if (s.isEmpty()) {
            return null;
        }
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i >= s.length()) {
            return null;
        }
        int radix = 10;
        if (s.charAt(i) == '0' && i + 1 < s.length()) {
            char p = s.charAt(i + 1);
            if (p == 'x' || p == 'X') {
                radix = 16;
                i += 2;
            } else if (p == 'o' || p == 'O') {
                radix = 8;
                i += 2;
            } else if (p == 'b' || p == 'B') {
                radix = 2;
                i += 2;
            } else {
                radix = 8;
                i += 1;
            }
        }
        if (i >= s.length()) {
            return null;
        }
        for (int k = i; k < s.length(); k++) {
            if (Character.digit(s.charAt(k), radix) < 0 || s.charAt(k) > 'z') {
                return null;
            }
        }
        if (s.length() - i > 70) {
            return null;
        }
        BigInteger v = new BigInteger(s.substring(i), radix);
        if (negative) {
            v = v.negate();
            if (v.compareTo(MIN_LONG) < 0) {
                return null;
            }
        } else if (v.compareTo(MAX_ULONG) > 0) {
            return null;
        }
        if (v.bitLength() < 32) {
            return NF.numberNode(v.intValue());
        }
        if (v.bitLength() < 64) {
            return NF.numberNode(v.longValue());
        }
        return NF.numberNode(v);
    }

    /** {@code ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$}, written as a scanner. */
    static boolean isFloat(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        if (intDigits == 0) {
            if (i >= n || s.charAt(i) != '.') {
                return false;
            }
            i++;
            int frac = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                frac++;
            }
            if (frac == 0) {
                return false;
            }
        } else if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The string form of a resolved key, as the YAML-to-JSON conversion writes it.
     *
     * @param key a resolved scalar
     * @return the key text
     */
    public static String keyText(JsonNode key) {
        if (key.isNull()) {
            return "null";
        }
        return key.asString();
    }
}
