package io.github.policydsl.docker.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Recognises secret-like variable names, values and file names. Linear-time, no regular expressions. */
public final class Secrets {

    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "pword", "passphrase",
            "secret", "secrets", "token", "apikey", "credential", "credentials", "privatekey", "accesskey",
            "secretkey", "authkey");
    private static final Set<String> KEY_QUALIFIERS = Set.of("api", "private", "access", "secret", "ssh", "auth",
            "signing", "encryption", "master");
    private static final Set<String> HARMLESS_LAST = Set.of("file", "path", "dir", "directory", "name", "length",
            "type", "header", "endpoint", "location", "policy", "format", "url");
    private static final Set<String> KEY_FILE_NAMES = Set.of("id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".env",
            ".npmrc", ".pypirc", ".netrc", ".git-credentials", ".dockercfg", ".htpasswd", ".pgpass", "credentials",
            "credentials.json", "secrets.json", "secrets.yaml", "secrets.yml", "service-account.json", ".vault-token");
    private static final List<String> KEY_FILE_SUFFIXES = List.of(".pem", ".key", ".p12", ".pfx", ".jks",
            ".keystore", ".ppk", ".asc.key");
    private static final Set<String> ENV_TEMPLATES = Set.of("example", "sample", "template", "dist", "defaults");

    private Secrets() {
    }

    /**
     * Whether a variable name looks like it holds a secret ({@code DB_PASSWORD}, {@code apiKey},
     * {@code GITHUB_TOKEN}); names of files or paths holding one ({@code PASSWORD_FILE}) and public
     * keys do not count.
     *
     * @param name the name
     * @return true when secret-like
     */
    public static boolean isSecretName(String name) {
        List<String> parts = parts(name);
        if (parts.isEmpty() || parts.contains("public") || HARMLESS_LAST.contains(parts.get(parts.size() - 1))) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            if (SECRET_WORDS.contains(p)) {
                return true;
            }
            if (p.equals("key") && i > 0 && KEY_QUALIFIERS.contains(parts.get(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Splits {@code DB_PASSWORD}, {@code dbPassword}, {@code db-password} into lower-case words. */
    static List<String> parts(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(cur, out);
                continue;
            }
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
                flush(cur, out);
            }
            cur.append(Character.toLowerCase(c));
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
        }
    }

    /**
     * What kind of secret a value looks like: a private key, an AWS access key id, a GitHub,
     * GitLab, Slack or Stripe token, or a URL with an embedded password.
     *
     * @param value the value (quotes allowed)
     * @return a description, or null when it does not look like a secret
     */
    public static String secretValueKind(String value) {
        String v = value;
        if (v.contains("-----BEGIN") && v.contains("PRIVATE KEY")) {
            return "a private key";
        }
        int akia = v.indexOf("AKIA");
        if (akia >= 0 && akia + 20 <= v.length() && upperAlnum(v, akia + 4, akia + 20)
                && (akia + 20 == v.length() || !Character.isLetterOrDigit(v.charAt(akia + 20)))) {
            return "an AWS access key id";
        }
        for (String prefix : List.of("ghp_", "gho_", "ghs_", "ghu_", "ghr_", "github_pat_", "glpat-", "xoxb-",
                "xoxp-", "xoxa-", "sk_live_", "rk_live_", "npm_")) {
            int at = v.indexOf(prefix);
            if (at >= 0 && tokenLength(v, at + prefix.length()) >= 16) {
                return "a " + prefix + " access token";
            }
        }
        int scheme = v.indexOf("://");
        if (scheme > 0) {
            int end = scheme + 3;
            int slash = v.indexOf('/', end);
            String authority = v.substring(end, slash < 0 ? v.length() : slash);
            int at = authority.lastIndexOf('@');
            if (at > 0) {
                int colon = authority.indexOf(':');
                if (colon >= 0 && colon < at) {
                    String pass = authority.substring(colon + 1, at);
                    if (!pass.isEmpty() && !pass.startsWith("$")) {
                        return "a URL with an embedded password";
                    }
                }
            }
        }
        return null;
    }

    private static boolean upperAlnum(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static int tokenLength(String s, int from) {
        int i = from;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        return i - from;
    }

    /**
     * Whether a path names a key or credentials file: {@code id_rsa}, {@code .env},
     * {@code *.pem}, {@code .npmrc}, {@code .ssh/...}, {@code .aws/credentials} and the like.
     * {@code .env.example} and similar templates do not count.
     *
     * @param path a source or destination path, possibly a glob
     * @return true for key files
     */
    public static boolean isKeyFile(String path) {
        String p = path.replace('\\', '/');
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        String lower = p.toLowerCase(Locale.ROOT);
        String base = lower.substring(lower.lastIndexOf('/') + 1);
        if (KEY_FILE_NAMES.contains(base)) {
            return true;
        }
        if (base.startsWith(".env.")) {
            return !ENV_TEMPLATES.contains(base.substring(5));
        }
        for (String s : KEY_FILE_SUFFIXES) {
            if (base.endsWith(s) && base.length() > s.length()) {
                return true;
            }
        }
        return lower.contains(".ssh/") || lower.endsWith("/.ssh") || lower.equals(".ssh")
                || lower.contains(".aws/credentials") || lower.contains(".docker/config.json")
                || lower.contains(".kube/config");
    }
}
