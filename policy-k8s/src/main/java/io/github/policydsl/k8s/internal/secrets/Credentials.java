package io.github.policydsl.k8s.internal.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Heuristics for credentials in configuration, tuned for few false positives. Every regex here
 * is free of nested quantifiers and uses possessive quantifiers, and input is capped, so matching
 * is linear in the input. Never returns or logs the value it inspects.
 */
public final class Credentials {

    /** Values longer than this are only scanned up to this length. */
    public static final int MAX_SCAN = 64 * 1024;

    private static final Set<String> SECRET_WORDS = Set.of("PASSWORD", "PASSWD", "PASS", "PASSPHRASE", "SECRET",
            "TOKEN", "APIKEY", "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY");
    private static final List<String[]> SECRET_PAIRS = List.of(new String[] {"API", "KEY"},
            new String[] {"ACCESS", "KEY"}, new String[] {"PRIVATE", "KEY"}, new String[] {"SECRET", "KEY"},
            new String[] {"CLIENT", "SECRET"}, new String[] {"AUTH", "KEY"}, new String[] {"SIGNING", "KEY"},
            new String[] {"ENCRYPTION", "KEY"});
    /** A last word that makes the name refer to a credential rather than hold one. */
    private static final Set<String> NOT_A_VALUE = Set.of("FILE", "PATH", "DIR", "URL", "URI", "ENDPOINT", "NAME",
            "ID", "REF", "TTL", "EXPIRY", "EXPIRES", "EXPIRATION", "TIMEOUT", "LENGTH", "HEADER", "ENABLED",
            "DISABLED", "REQUIRED", "TYPE", "ALGORITHM", "REGION", "HOST", "PORT", "USER", "USERNAME", "MOUNT",
            "VERSION", "FORMAT", "POLICY", "PROVIDER", "ISSUER", "AUDIENCE", "SCOPE", "SCOPES", "ROTATION",
            "SECONDS", "COUNT", "SIZE", "MODE", "LOCATION", "KEY", "KEYS", "FIELD", "PREFIX", "SUFFIX");
    private static final Set<String> PLACEHOLDERS = Set.of("CHANGEME", "CHANGE_ME", "REPLACEME", "REPLACE_ME",
            "TODO", "TBD", "XXX", "XXXX", "XXXXXXXX", "***", "********", "REDACTED", "NONE", "NULL", "TRUE",
            "FALSE", "YES", "NO", "DUMMY", "PLACEHOLDER", "EXAMPLE");

    /** Values that open a nested block rather than hold a value. */
    private static final Set<String> BLOCK_STARTS = Set.of("|", "|-", "|+", ">", ">-", ">+", "{", "[");

    private static final Pattern AWS_KEY = Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}+(?![A-Z0-9])");
    private static final Pattern GITHUB = Pattern.compile("(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{36}+");
    private static final Pattern SLACK = Pattern.compile("(?<![A-Za-z0-9])xox[abprs]-[A-Za-z0-9-]{10,255}+");
    private static final Pattern GOOGLE = Pattern.compile("(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}+");

    private Credentials() {
    }

    /**
     * Whether a variable or key name says it holds a credential: {@code DB_PASSWORD},
     * {@code apiKey}, {@code client-secret}; not {@code PASSWORD_FILE}, {@code TOKEN_URL},
     * {@code SECRET_NAME}, {@code PWD}.
     *
     * @param name the name
     * @return true if it reads as a credential
     */
    public static boolean isCredentialName(String name) {
        if (name == null || name.isEmpty() || !mentionsCredential(name)) {
            return false;
        }
        List<String> words = words(name);
        int n = words.size();
        if (n == 0 || (n > 1 && NOT_A_VALUE.contains(words.get(n - 1)) && !isPair(words.get(n - 2), words.get(n - 1)))) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            if (SECRET_WORDS.contains(words.get(i))) {
                return true;
            }
            if (i + 1 < words.size() && isPair(words.get(i), words.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A cheap necessary condition: every credential name contains PASS, SECRET, TOKEN, KEY or
     * CREDENTIAL in some letter case (all words and pairs above do), so most names are rejected
     * without splitting them into words.
     */
    private static boolean mentionsCredential(String name) {
        int n = Math.min(name.length(), 256);
        for (int i = 0; i < n; i++) {
            char c = Character.toUpperCase(name.charAt(i));
            if ((c == 'P' && name.regionMatches(true, i, "PASS", 0, 4))
                    || (c == 'S' && name.regionMatches(true, i, "SECRET", 0, 6))
                    || (c == 'T' && name.regionMatches(true, i, "TOKEN", 0, 5))
                    || (c == 'K' && name.regionMatches(true, i, "KEY", 0, 3))
                    || (c == 'C' && name.regionMatches(true, i, "CREDENTIAL", 0, 10))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPair(String a, String b) {
        for (String[] p : SECRET_PAIRS) {
            if (p[0].equals(a) && p[1].equals(b)) {
                return true;
            }
        }
        return false;
    }

    /** Splits {@code dbPassword}, {@code DB_PASSWORD}, {@code db.password}, {@code db-password} into upper-case words. */
    static List<String> words(String name) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(name.length(), 256);
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
                    sb.append(' ');
                }
                sb.append(c);
            } else {
                sb.append(' ');
            }
        }
        return java.util.Arrays.stream(sb.toString().toUpperCase(Locale.ROOT).split(" "))
                .filter(w -> !w.isEmpty()).toList();
    }

    /**
     * Whether a value is clearly not a credential: empty, a reference or template placeholder
     * ({@code $(VAR)}, {@code ${VAR}}, {@code {{ .Values.x }}}, {@code <password>}), a well-known
     * placeholder word ({@code changeme}, {@code REPLACE_ME}, {@code TODO}, {@code true}...), or an
     * absolute file path.
     *
     * @param value the value
     * @return true if safe
     */
    public static boolean isPlaceholder(String value) {
        if (value == null) {
            return true;
        }
        String v = value.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1).strip();
        }
        if (v.isEmpty()) {
            return true;
        }
        if (wrapped(v, "$(", ")") || wrapped(v, "${", "}") || wrapped(v, "{{", "}}") || wrapped(v, "<", ">")
                || wrapped(v, "%(", ")s")) {
            return true;
        }
        if (v.startsWith("/") && v.indexOf(' ') < 0) {
            return true;
        }
        return PLACEHOLDERS.contains(v.toUpperCase(Locale.ROOT));
    }

    private static boolean wrapped(String v, String open, String close) {
        return v.startsWith(open) && v.endsWith(close) && v.length() >= open.length() + close.length()
                && v.indexOf(open, 1) < 0 && v.indexOf(close, open.length()) == v.length() - close.length();
    }

    /**
     * What kind of credential a value contains, from its shape alone: a private key block, an AWS
     * access key id, a JWT, a GitHub, Slack or Google API token, or a URL with a password.
     *
     * @param value the value
     * @return a description such as {@code a private key}, or empty
     */
    public static Optional<String> credentialShape(String value) {
        if (value == null || value.length() < 16) {
            return Optional.empty();
        }
        String v = value.length() > MAX_SCAN ? value.substring(0, MAX_SCAN) : value;
        int begin = v.indexOf("-----BEGIN ");
        if (begin >= 0 && v.indexOf("PRIVATE KEY-----", begin) > 0) {
            return Optional.of("a private key");
        }
        // each regex runs only when its fixed prefix occurs at all (String.indexOf is much cheaper)
        if ((v.contains("AKIA") || v.contains("ASIA")) && AWS_KEY.matcher(v).find()) {
            return Optional.of("an AWS access key id");
        }
        if (v.contains("eyJ") && hasJwt(v)) {
            return Optional.of("a JSON Web Token");
        }
        if (v.contains("gh") && GITHUB.matcher(v).find()) {
            return Optional.of("a GitHub token");
        }
        if (v.contains("xox") && SLACK.matcher(v).find()) {
            return Optional.of("a Slack token");
        }
        if (v.contains("AIza") && GOOGLE.matcher(v).find()) {
            return Optional.of("a Google API key");
        }
        if (urlWithPassword(v)) {
            return Optional.of("a URL with an embedded password");
        }
        return Optional.empty();
    }

    /** Checks each maximal run of base64url characters and dots once, so the scan is linear. */
    private static boolean hasJwt(String v) {
        int i = 0;
        int n = v.length();
        while (i < n) {
            while (i < n && !jwtChar(v.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && jwtChar(v.charAt(i))) {
                i++;
            }
            if (i > start && isJwt(v.substring(start, i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean jwtChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.';
    }

    private static boolean isJwt(String run) {
        String[] parts = run.split("\\.", -1);
        return parts.length == 3 && parts[0].startsWith("eyJ") && parts[1].startsWith("eyJ")
                && parts[0].length() >= 11 && parts[1].length() >= 11 && parts[2].length() >= 8;
    }

    private static boolean urlWithPassword(String v) {
        int from = 0;
        while (true) {
            int scheme = v.indexOf("://", from);
            if (scheme < 0) {
                return false;
            }
            int start = scheme + 3;
            int end = start;
            while (end < v.length() && "/?# \n\"'".indexOf(v.charAt(end)) < 0) {
                end++;
            }
            String authority = v.substring(start, end);
            int at = authority.lastIndexOf('@');
            if (at > 0) {
                String userInfo = authority.substring(0, at);
                int colon = userInfo.indexOf(':');
                if (colon >= 0 && colon < userInfo.length() - 1 && !isPlaceholder(userInfo.substring(colon + 1))) {
                    return true;
                }
            }
            from = end;
        }
    }

    /**
     * Finds a {@code key=value} or {@code key: value} line in a config file whose key names a
     * credential and whose value is not a placeholder.
     *
     * @param text the file content
     * @return the 1-based line number and the key, or empty
     */
    public static Optional<Object[]> credentialLine(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.length() > MAX_SCAN ? text.substring(0, MAX_SCAN) : text;
        String[] lines = t.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#") || line.startsWith("//") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            int colon = line.indexOf(':');
            int sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (sep <= 0) {
                continue;
            }
            String key = line.substring(0, sep).strip();
            if (key.startsWith("\"") || key.startsWith("'")) {
                key = key.substring(1);
            }
            if (key.endsWith("\"") || key.endsWith("'")) {
                key = key.substring(0, key.length() - 1);
            }
            if (key.startsWith("- ")) {
                key = key.substring(2).strip();
            }
            String value = line.substring(sep + 1).strip();
            if (value.endsWith(",")) {
                value = value.substring(0, value.length() - 1).strip();
            }
            if (BLOCK_STARTS.contains(value)) {
                continue;
            }
            if (key.indexOf(' ') < 0 && isCredentialName(key) && !isPlaceholder(value)) {
                return Optional.of(new Object[] {i + 1, key});
            }
        }
        return Optional.empty();
    }
}
