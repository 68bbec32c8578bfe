package io.github.policydsl.docker;

import io.github.policydsl.api.result.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An exemption written in a Dockerfile comment directly above an instruction:
 * {@code # policy:ignore=docker.user.final-not-root,docker.base.pinned-digest the base image runs as nonroot}.
 * The comment names one or more rule ids (comma-separated, no spaces) and a free-text reason.
 * It must belong to the comment block directly above the instruction, as BuildKit groups comments:
 * blank lines do not end the block, an empty {@code #} line does.
 * Above a FROM it covers the whole stage; above any other instruction, that instruction. There is no
 * file-wide exemption; findings about a whole file are covered by an exemption above the final
 * stage's FROM. Findings it covers become SKIP results carrying the reason.
 *
 * @param ruleIds the exempted rule ids
 * @param reason the reason, {@code "no reason given"} when the comment has none
 * @param location where the comment's instruction starts
 */
public record InlineExemption(List<String> ruleIds, String reason, Location location) {

    /** The comment prefix, after {@code #} and optional spaces. */
    public static final String PREFIX = "policy:ignore=";

    /** Copies and checks the components. */
    public InlineExemption {
        ruleIds = List.copyOf(ruleIds);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(location, "location");
    }

    /**
     * Reads an exemption from one comment line (the text after {@code #}, trimmed).
     *
     * @param comment the comment text
     * @param location the instruction's location
     * @return the exemption, or null when the comment is not one
     */
    static InlineExemption parse(String comment, Location location) {
        String c = comment.strip();
        if (!c.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return null;
        }
        String rest = c.substring(PREFIX.length());
        int sp = 0;
        while (sp < rest.length() && !Character.isWhitespace(rest.charAt(sp))) {
            sp++;
        }
        List<String> ids = new ArrayList<>();
        for (String id : rest.substring(0, sp).split(",")) {
            if (!id.isBlank()) {
                ids.add(id.strip());
            }
        }
        if (ids.isEmpty()) {
            return null;
        }
        String reason = rest.substring(sp).strip();
        return new InlineExemption(ids, reason.isEmpty() ? "no reason given" : reason, location);
    }

    /**
     * Whether the exemption names a rule.
     *
     * @param ruleId the rule id
     * @return true if named
     */
    public boolean covers(String ruleId) {
        return ruleIds.contains(ruleId);
    }
}
