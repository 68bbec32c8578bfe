package io.github.policydsl.examples.scan;

import io.github.policydsl.api.Severity;
import io.github.policydsl.api.report.JsonReportWriter;
import io.github.policydsl.api.report.TextReportWriter;
import io.github.policydsl.api.result.LoadError;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleInfo;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.docker.DockerfileLoader;
import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.ManifestLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code policy-scan} command line:
 * {@code policy-scan [--pack NAME]... [--format text|json] [--output FILE] [--fail-on SEVERITY]
 * [--list-rules] PATH...}. Exit code 0 when nothing failed, 1 when a rule failed, 2 for a usage
 * error or an input that could not be loaded (2 wins over 1).
 */
public final class PolicyScan {

    /** Exit code: no failure. */
    public static final int OK = 0;
    /** Exit code: at least one FAIL. */
    public static final int FAILED = 1;
    /** Exit code: usage error or input that could not be loaded. */
    public static final int ERROR = 2;

    private static final String USAGE = """
            usage: policy-scan [--pack NAME]... [--format text|json] [--output FILE]
                               [--fail-on SEVERITY] [--list-rules] PATH...
              PATH           files or directories (recursive): Kubernetes YAML/JSON and
                             Dockerfiles (Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile)
              --pack NAME    a built-in pack, repeatable; default: every pack that applies
              --format F     text (default) or json
              --output FILE  write the report to FILE instead of standard output
              --fail-on S    only FAILs of severity S or higher give exit code 1 (default: info)
              --list-rules   print the rule catalogue (id, pack, severity, title) and exit
            """;

    private PolicyScan() {
    }

    /**
     * Runs the scanner and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the scanner.
     *
     * @param args the command line
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("policy-scan: " + e.getMessage());
            err.print(USAGE);
            return ERROR;
        }
        if (o.help) {
            out.print(USAGE);
            return OK;
        }
        List<Pack> packs;
        try {
            packs = o.packs.isEmpty() ? Packs.defaults() : o.packs.stream().map(Packs::resolve).toList();
        } catch (IllegalArgumentException e) {
            err.println("policy-scan: " + e.getMessage());
            return ERROR;
        }
        if (o.listRules) {
            listRules(o.packs.isEmpty() ? Packs.names().stream().map(Packs::resolve).toList() : packs, out);
            return OK;
        }
        if (o.paths.isEmpty()) {
            err.println("policy-scan: no PATH given");
            err.print(USAGE);
            return ERROR;
        }
        ScanInput input = load(o.paths);
        List<Report> reports = new ArrayList<>();
        for (Pack p : packs) {
            if (p.appliesTo().test(input)) {
                reports.add(p.evaluate().apply(input));
            }
        }
        if (reports.isEmpty()) {
            reports.add(new Report(input.manifests().loadErrors(), List.of(), input.manifests().inputs()));
            reports.add(new Report(input.dockerfiles().loadErrors(), List.of(), input.dockerfiles().inputs()));
        }
        Report report = Report.merge(reports);
        String rendered = "json".equals(o.format) ? JsonReportWriter.create().render(report)
                : TextReportWriter.standard().render(report);
        try {
            if (o.output != null) {
                Files.writeString(Path.of(o.output), rendered, StandardCharsets.UTF_8);
            } else {
                out.print(rendered);
                out.flush();
            }
        } catch (IOException e) {
            err.println("policy-scan: cannot write " + o.output + ": " + e.getMessage());
            return ERROR;
        }
        boolean loadError = report.violations(Outcome.ERROR).stream().anyMatch(v -> LoadError.RULE_ID.equals(v.ruleId()));
        for (Violation v : report.violations(Outcome.ERROR)) {
            if (LoadError.RULE_ID.equals(v.ruleId())) {
                err.println(v.location() + ": error: " + v.message());
            }
        }
        if (loadError) {
            return ERROR;
        }
        boolean failed = report.violations(Outcome.FAIL, Outcome.ERROR).stream()
                .anyMatch(v -> v.severity().isAtLeast(o.failOn));
        return failed ? FAILED : OK;
    }

    /**
     * Loads the PATH arguments: directories are searched for manifests ({@code *.yaml}, {@code *.yml},
     * {@code *.json}) and for Dockerfiles by name ({@link DockerfileLoader#isDockerfileName(String)});
     * a file is a Dockerfile when its name says so, otherwise a manifest.
     */
    static ScanInput load(List<String> paths) {
        ManifestLoader loader = ManifestLoader.defaults();
        DockerfileLoader dockerLoader = DockerfileLoader.defaults();
        List<Manifests> parts = new ArrayList<>();
        List<Dockerfiles> dockerParts = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (!Files.exists(path)) {
                parts.add(Manifests.of(List.of(), List.of(LoadError.inFile(p, 0, 0, "no such file or directory")),
                        List.of()));
            } else if (Files.isDirectory(path)) {
                parts.add(loader.load(path));
                dockerParts.add(dockerLoader.load(path));
            } else if (DockerfileLoader.isDockerfile(path)) {
                dockerParts.add(dockerLoader.load(path));
            } else {
                parts.add(loader.load(path));
            }
        }
        return new ScanInput(Manifests.merge(parts), Dockerfiles.merge(dockerParts));
    }

    private static void listRules(List<Pack> packs, PrintStream out) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Pack p : packs) {
            for (RuleInfo r : p.catalogue()) {
                if (seen.putIfAbsent(r.id(), p.name()) == null) {
                    out.println(r.id() + "\t" + p.name() + "\t" + r.severity() + "\t" + r.description());
                }
            }
        }
    }

    /** Parsed command line. */
    static final class Options {
        final List<String> packs = new ArrayList<>();
        final List<String> paths = new ArrayList<>();
        String format = "text";
        String output;
        Severity failOn = Severity.INFO;
        boolean listRules;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--pack" -> o.packs.add(value(args, ++i, a));
                    case "--format" -> {
                        o.format = value(args, ++i, a);
                        if (!List.of("text", "json").contains(o.format)) {
                            throw new IllegalArgumentException("unsupported format '" + o.format + "' (text or json)");
                        }
                    }
                    case "--output" -> o.output = value(args, ++i, a);
                    case "--fail-on" -> o.failOn = Severity.parse(value(args, ++i, a));
                    case "--list-rules" -> o.listRules = true;
                    case "--help", "-h" -> o.help = true;
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        o.paths.add(a);
                    }
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
