package io.github.policydsl.k8s.exemption;

import io.github.policydsl.api.exemption.Exemptions;
import io.github.policydsl.api.exemption.PolicyFileException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an exemptions file written in YAML (JSON is YAML too) with the layout documented on
 * {@link Exemptions}. Dates must be written as {@code 2027-03-31}; any problem is a
 * {@link PolicyFileException} naming file and line. Stateless and thread-safe.
 */
public final class ExemptionFiles {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ExemptionFiles() {
    }

    /**
     * Loads an exemptions file.
     *
     * @param file the YAML or JSON file
     * @return the exemptions
     * @throws PolicyFileException if it cannot be read or is malformed
     */
    public static Exemptions load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicyFileException(file.toString(), 0, "cannot read: " + e, e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses exemptions from YAML text.
     *
     * @param yaml the text
     * @param file the file name for messages
     * @return the exemptions
     * @throws PolicyFileException if the text is malformed
     */
    public static Exemptions parse(String yaml, String file) {
        try (Reader r = new StringReader(yaml); JsonParser p = YAML.createParser(r)) {
            return Exemptions.parse(p, file);
        } catch (IOException e) {
            throw new PolicyFileException(file, 0, "cannot read: " + e, e);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            throw new PolicyFileException(file, line, "cannot parse: " + e.getOriginalMessage(), e);
        }
    }
}
