package io.github.policydsl.examples.scan;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Validates the scanner's SARIF for the bundled samples against the official OASIS SARIF 2.1.0
 * JSON schema (draft-04), read from {@code policydsl.conformance.sarif} (default
 * {@code ../shared/conformance/sarif}), with com.networknt:json-schema-validator.
 */
class SarifConformanceTest {

    private static Path schemaFile() {
        String dir = System.getProperty("policydsl.conformance.sarif", "../shared/conformance/sarif");
        Path file = Path.of(dir, "sarif-schema-2.1.0.json");
        if (!Files.isRegularFile(file)) {
            String msg = "SARIF schema not found at " + file.toAbsolutePath()
                    + " (set -Dpolicydsl.conformance.sarif=DIR)";
            if (Boolean.getBoolean("policydsl.conformance.required")) {
                fail(msg + "; policydsl.conformance.required=true");
            }
            Assumptions.abort(msg + "; skipping SARIF schema validation");
        }
        return file;
    }

    private static Set<ValidationMessage> validate(Path schemaFile, String sarif) throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(schemaFile)) {
            schema = factory.getSchema(in);
        }
        return schema.validate(sarif, InputFormat.JSON);
    }

    @Test
    void scannerSarifForTheSamplesIsValidSarif210(@TempDir Path tmp) throws Exception {
        Path schemaFile = schemaFile();
        Path exemptions = tmp.resolve("exemptions.yaml");
        Files.writeString(exemptions, """
                exemptions:
                  - rule: k8s.run-as-user-not-root
                    name: web
                    container: setup
                    reason: the init container chowns the data volume; SEC-1
                  - rule: k8s.never-heard-of-it
                    reason: unused, so reported
                """);
        Path out = tmp.resolve("scan.sarif");

        ScanRunner r = ScanRunner.run("--format", "sarif", "--output", out.toString(), "--sarif-base", "..", "--exemptions",
                exemptions.toString(), "../samples");

        assertThat(r.exit()).as(r.err()).isEqualTo(PolicyScan.FAILED);
        String sarif = Files.readString(out);
        Set<ValidationMessage> errors = validate(schemaFile, sarif);
        assertThat(errors).as("schema violations").isEmpty();

        JsonNode log = JsonMapper.builder().build().readTree(sarif);
        JsonNode results = log.at("/runs/0/results");
        assertThat(results.size()).isGreaterThan(10);
        JsonNode suppressed = null;
        for (JsonNode res : results) {
            String uri = res.at("/locations/0/physicalLocation/artifactLocation/uri").asString();
            if (res.get("ruleId").asString().startsWith("k8s.")) {
                assertThat(uri).startsWith("samples/k8s/").endsWith(".yaml");
                assertThat(res.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
            } else if (res.get("ruleId").asString().startsWith("docker.")) {
                assertThat(uri).startsWith("samples/docker/").endsWith("Dockerfile");
                assertThat(res.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
            } else {
                assertThat(uri).startsWith("file:///").endsWith("exemptions.yaml");
            }
            if (res.has("suppressions")) {
                suppressed = res;
            }
        }
        assertThat(suppressed).isNotNull();
        assertThat(suppressed.at("/suppressions/0/justification").asString()).startsWith("the init container chowns");
        assertThat(log.at("/runs/0/tool/driver/rules").findValuesAsString("id"))
                .contains("k8s.run-as-non-root", "docker.user.final-not-root", "policydsl.exemption.unused");
    }

    @Test
    void theValidatorRejectsBrokenSarif() throws Exception {
        Path schemaFile = schemaFile();
        String broken = """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"level": "fatal",
                 "message": {"text": "x"}}]}]}
                """;
        assertThat(validate(schemaFile, broken)).isNotEmpty();
    }
}
