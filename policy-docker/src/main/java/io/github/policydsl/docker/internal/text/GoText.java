package io.github.policydsl.docker.internal.text;

import java.io.ByteArrayOutputStream;

/**
 * Text helpers that reproduce the byte and rune semantics of the Go standard library, which the
 * reference parser relies on.
 *
 * <p>Input bytes are decoded into Java strings with an escape scheme for invalid UTF-8: every byte
 * that is not part of a valid UTF-8 sequence becomes the lone low surrogate {@code U+DC00 + byte}
 * (bytes 0x80..0xFF map to U+DC80..U+DCFF). {@link #encode(String)} reverses that, so the original
 * bytes can always be recovered, and {@link #quote(String)} prints such bytes as {@code \xNN}, like
 * Go's {@code strconv.Quote}.
 */
public final class GoText {

    private GoText() {
    }

    /** Returns true when {@code c} is one of our escaped invalid bytes. */
    public static boolean isEscapedByte(char c) {
        return c >= 0xDC80 && c <= 0xDCFF;
    }

    /** Decodes bytes as Go would see them (one escaped char per invalid byte). */
    public static String decode(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        int end = off + len;
        int i = off;
        while (i < end) {
            int b0 = b[i] & 0xFF;
            if (b0 < 0x80) {
                sb.append((char) b0);
                i++;
                continue;
            }
            int cp = -1;
            int n = 0;
            if (b0 >= 0xC2 && b0 <= 0xDF) {
                if (i + 1 < end && isCont(b[i + 1])) {
                    cp = ((b0 & 0x1F) << 6) | (b[i + 1] & 0x3F);
                    n = 2;
                }
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                if (i + 2 < end && isCont(b[i + 1]) && isCont(b[i + 2])) {
                    int b1 = b[i + 1] & 0xFF;
                    boolean ok = !(b0 == 0xE0 && b1 < 0xA0) && !(b0 == 0xED && b1 > 0x9F);
                    if (ok) {
                        cp = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b[i + 2] & 0x3F);
                        n = 3;
                    }
                }
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                if (i + 3 < end && isCont(b[i + 1]) && isCont(b[i + 2]) && isCont(b[i + 3])) {
                    int b1 = b[i + 1] & 0xFF;
                    boolean ok = !(b0 == 0xF0 && b1 < 0x90) && !(b0 == 0xF4 && b1 > 0x8F);
                    if (ok) {
                        cp = ((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6)
                                | (b[i + 3] & 0x3F);
                        n = 4;
                    }
                }
            }
            if (cp < 0) {
                sb.append((char) (0xDC00 | b0));
                i++;
            } else {
                sb.appendCodePoint(cp);
                i += n;
            }
        }
        return sb.toString();
    }

    private static boolean isCont(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** Encodes a string back to the bytes it was decoded from (escaped bytes restored). */
    public static byte[] encode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.write(c);
            } else if (isEscapedByte(c)) {
                out.write(c & 0xFF);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                writeCodePoint(out, Character.toCodePoint(c, s.charAt(i + 1)));
                i++;
            } else if (Character.isSurrogate(c)) {
                writeCodePoint(out, 0xFFFD);
            } else {
                writeCodePoint(out, c);
            }
        }
        return out.toByteArray();
    }

    /** Number of bytes {@link #encode(String)} produces for the code point or escaped byte at {@code i}. */
    public static int byteLength(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x80 || isEscapedByte(c)) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            return 4;
        }
        return 3;
    }

    private static void writeCodePoint(ByteArrayOutputStream out, int cp) {
        if (cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xC0 | (cp >> 6));
            out.write(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out.write(0xE0 | (cp >> 12));
            out.write(0x80 | ((cp >> 6) & 0x3F));
            out.write(0x80 | (cp & 0x3F));
        } else {
            out.write(0xF0 | (cp >> 18));
            out.write(0x80 | ((cp >> 12) & 0x3F));
            out.write(0x80 | ((cp >> 6) & 0x3F));
            out.write(0x80 | (cp & 0x3F));
        }
    }

    /** Go's {@code unicode.IsSpace}. Escaped bytes are never space. */
    public static boolean isSpace(int cp) {
        if (cp < 0x80) {
            return cp == ' ' || (cp >= '\t' && cp <= '\r');
        }
        return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /** Byte-wise whitespace test used by Go code that does {@code unicode.IsSpace(rune(b))}. */
    public static boolean isSpaceByte(int b) {
        return isSpace(b & 0xFF);
    }

    /** ASCII blanks matched by the reference parser's whitespace regex: space, tab, VT, FF, CR. */
    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Index of the first non-space char at or after {@code from}. */
    public static int skipSpace(String s, int from, int to) {
        int i = from;
        while (i < to) {
            int cp = s.codePointAt(i);
            if (!isSpace(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** Index just past the last non-space char before {@code to}, not below {@code from}. */
    public static int trimEnd(String s, int from, int to) {
        int j = to;
        while (j > from) {
            int cp = s.codePointBefore(j);
            if (!isSpace(cp)) {
                break;
            }
            j -= Character.charCount(cp);
        }
        return j;
    }

    /** Go's {@code strings.TrimSpace}. */
    public static String trimSpace(String s) {
        int a = skipSpace(s, 0, s.length());
        int b = trimEnd(s, a, s.length());
        return s.substring(a, b);
    }

    /** Go's {@code strings.ToLower} (simple case mapping, invalid bytes become U+FFFD). */
    public static String toLower(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp <= 0xFFFF && Character.isSurrogate((char) cp)) {
                sb.append('\uFFFD');
            } else {
                sb.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        return sb.toString();
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
    public static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.COMBINING_SPACING_MARK:
            case Character.DECIMAL_DIGIT_NUMBER:
            case Character.LETTER_NUMBER:
            case Character.OTHER_NUMBER:
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
            case Character.MATH_SYMBOL:
            case Character.CURRENCY_SYMBOL:
            case Character.MODIFIER_SYMBOL:
            case Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Go's {@code strconv.Quote}. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append('"');
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (isEscapedByte(c)) {
                sb.append("\\x").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                i++;
                continue;
            }
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(i + 1));
                i += 2;
            } else {
                cp = Character.isSurrogate(c) ? 0xFFFD : c;
                i++;
            }
            switch (cp) {
                case '"': sb.append("\\\""); continue;
                case '\\': sb.append("\\\\"); continue;
                case 7: sb.append("\\a"); continue;
                case '\b': sb.append("\\b"); continue;
                case '\f': sb.append("\\f"); continue;
                case '\n': sb.append("\\n"); continue;
                case '\r': sb.append("\\r"); continue;
                case '\t': sb.append("\\t"); continue;
                case 0x0B: sb.append("\\v"); continue;
                default:
                    break;
            }
            if (cp < 0x80) {
                if (cp < 0x20 || cp == 0x7F) {
                    sb.append("\\x").append(HEX[(cp >> 4) & 0xF]).append(HEX[cp & 0xF]);
                } else {
                    sb.append((char) cp);
                }
            } else if (isPrint(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp < 0x10000) {
                sb.append("\\u");
                for (int k = 12; k >= 0; k -= 4) {
                    sb.append(HEX[(cp >> k) & 0xF]);
                }
            } else {
                sb.append("\\U");
                for (int k = 28; k >= 0; k -= 4) {
                    sb.append(HEX[(cp >> k) & 0xF]);
                }
            }
        }
        sb.append('"');
        return sb.toString();
    }

    /** Replaces escaped invalid bytes by U+FFFD, as Go does when it decodes runes from a string. */
    public static String replaceInvalid(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isEscapedByte(c)) {
                if (sb == null) {
                    sb = new StringBuilder(s.length());
                    sb.append(s, 0, i);
                }
                sb.append('\uFFFD');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
