package io.github.policydsl.k8s.internal.network;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * CIDR containment for IPv4 and IPv6 literals. Never resolves host names: text that is not an IP
 * literal does not match.
 */
public final class Cidr {

    private Cidr() {
    }

    /**
     * Whether an address lies in a block.
     *
     * @param cidr e.g. {@code 10.0.0.0/8} or {@code ::/0}
     * @param ip an address literal
     * @return true if inside; false for malformed input or mixed address families
     */
    public static boolean contains(String cidr, String ip) {
        if (cidr == null || ip == null) {
            return false;
        }
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return false;
        }
        byte[] net = parse(cidr.substring(0, slash));
        byte[] addr = parse(ip);
        if (net == null || addr == null || net.length != addr.length) {
            return false;
        }
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (bits < 0 || bits > net.length * 8) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a CIDR covers every address of its family ({@code 0.0.0.0/0}, {@code ::/0}).
     *
     * @param cidr the block
     * @return true for a /0 block
     */
    public static boolean isEverything(String cidr) {
        return cidr != null && cidr.endsWith("/0") && parse(cidr.substring(0, cidr.length() - 2)) != null;
    }

    private static byte[] parse(String literal) {
        if (literal.isEmpty()) {
            return null;
        }
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.'
                    || c == ':';
            if (!ok) {
                return null;
            }
        }
        if (literal.indexOf(':') < 0 && literal.chars().anyMatch(Character::isLetter)) {
            return null;
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
