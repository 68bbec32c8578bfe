package io.github.policydsl.examples.scan;

import io.github.policydsl.api.Severity;
import io.github.policydsl.api.exemption.BaselineRatchet;
import io.github.policydsl.api.exemption.BaselineResult;
import io.github.policydsl.api.exemption.BaselineStore;
import io.github.policydsl.api.exemption.ExemptionResult;
import io.github.policydsl.api.exemption.Exemptions;
import io.github.policydsl.api.exemption.FindingContext;
import io.github.policydsl.api.exemption.PolicyFileException;
import io.github.policydsl.api.exemption.RuleIdPattern;
import io.github.policydsl.api.report.JUnitXmlReportWriter;
import io.github.policydsl.api.report.SarifReportWriter;
import io.github.policydsl.k8s.exemption.ExemptionFiles;
import io.github.policydsl.k8s.exemption.K8sFindingContext;
import io.github.policydsl.k8s.report.PolicyReportWriter;
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
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code policy-scan} command line; see {@code --help}. Exit code 0 when nothing failed, 1 when
 * a rule failed, 2 for a usage error, an input that could not be loaded, a malformed exemptions or
 * baseline file, or a missing baseline without {@code --update-baseline} (2 wins over 1).
 *
 * <p>Order of processing: evaluate the packs; keep the selected rules ({@code --pack NAME@VERSION},
 * {@code --include-rule}, {@code --exclude-rule}); apply exemptions (file, then annotations);
 * apply the baseline (exempted findings are never recorded in it); write the report; compute the
 * exit code from the FAIL and ERROR findings that remain.
 */
public final class PolicyScan {

    /** Exit code: no failure. */
    public static final int OK = 0;
    /** Exit code: at least one FAIL. */
    public static final int FAILED = 1;
    /** Exit code: usage error or input that could not be loaded. */
    public static final int ERROR = 2;

    private static final String USAGE = """
            usage: policy-scan [--pack NAME[@VERSION]]... [--format text|json|sarif|junit|policyreport]
                               [--output FILE] [--fail-on SEVERITY] [--include-rule GLOB]...
                               [--exclude-rule GLOB]... [--exemptions FILE] [--no-annotation-exemptions] [--sarif-base DIR]
                               [--baseline FILE [--update-baseline | --baseline-read-only]]
                               [--streaming] [--list-rules] PATH...
              PATH              files or directories (recursive): Kubernetes YAML/JSON and Dockerfiles
                                (Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile)
              --pack NAME       a built-in pack, repeatable; default: every pack that applies;
                                NAME@VERSION runs only the rules of that pack release
              --format F        text (default), json, sarif (SARIF 2.1.0), junit (JUnit XML)
                                or policyreport (wgpolicyk8s.io/v1alpha2 YAML)
              --output FILE     write the report to FILE instead of standard output
              --fail-on S       only FAILs of severity S or higher give exit code 1 (default: info)
              --include-rule G  run only rules whose id matches the glob G (repeatable)
              --exclude-rule G  do not run rules whose id matches G (repeatable; wins over include)
              --exemptions FILE reviewed exemptions (YAML or JSON); exempted findings are SKIP
              --no-annotation-exemptions
                                ignore policydsl.io/exempt annotations on the objects
              --baseline FILE   tolerate the findings recorded in FILE, fail only on new ones;
                                fixed findings are removed from FILE; FILE must exist
              --update-baseline create FILE or record all current findings into it
              --baseline-read-only
                                never write FILE (for CI)
              --sarif-base DIR  SARIF artifact URIs are relative to DIR (default: the current
                                directory); files outside it get absolute file: URIs
              --streaming       load and evaluate one file at a time (memory stays flat as the
                                bundle grows); only packs that look at one object at a time:
                                k8s-hardening, pss-baseline, pss-restricted, secrets, dockerfile;
                                reports list findings only (no PASS results)
              --list-rules      print the rule catalogue (id, pack, severity, title) and exit
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
        java.util.function.Predicate<String> selected = o.ruleSelection();
        packs = packs.stream().map(p -> p.restrictedTo(selected, p.name())).toList();
        if (o.listRules) {
            List<Pack> all = o.packs.isEmpty() ? Packs.names().stream().map(Packs::resolve).toList() : packs;
            listRules(all.stream().map(p -> p.restrictedTo(selected, p.name())).toList(), out);
            return OK;
        }
        if (o.paths.isEmpty()) {
            err.println("policy-scan: no PATH given");
            err.print(USAGE);
            return ERROR;
        }
        ScanInput input;
        List<Report> reports = new ArrayList<>();
        if (o.streaming) {
            List<Pack> streamed = new ArrayList<>();
            for (Pack p : packs) {
                if (STREAMABLE.contains(baseName(p.name()))) {
                    streamed.add(p);
                } else if (!o.packs.isEmpty()) {
                    err.println("policy-scan: pack " + p.name() + " relates objects across the bundle and cannot run"
                            + " with --streaming (streamable: " + String.join(", ", STREAMABLE) + ")");
                    return ERROR;
                }
            }
            if (o.packs.isEmpty()) {
                err.println("policy-scan: --streaming runs only the per-object packs: " + streamed.stream()
                        .map(Pack::name).toList());
            }
            input = streamingScan(o.paths, streamed, reports);
        } else {
            input = load(o.paths);
            for (Pack p : packs) {
                if (p.appliesTo().test(input)) {
                    reports.add(p.evaluate().apply(input));
                }
            }
        }
        if (reports.isEmpty()) {
            reports.add(new Report(input.manifests().loadErrors(), List.of(), input.manifests().inputs()));
            reports.add(new Report(input.dockerfiles().loadErrors(), List.of(), input.dockerfiles().inputs()));
        }
        Report report = Report.merge(reports);
        FindingContext context = K8sFindingContext.of(input.manifests());
        try {
            report = governance(o, report, context, err);
        } catch (PolicyFileException | BaselineRatchet.BaselineException | UncheckedIOException e) {
            err.println("policy-scan: " + e.getMessage());
            return ERROR;
        }
        String rendered = switch (o.format) {
            case "json" -> JsonReportWriter.create().render(report);
            case "sarif" -> SarifReportWriter.create().relativeTo(Path.of(o.sarifBase)).withContext(context).render(report);
            case "junit" -> JUnitXmlReportWriter.create().named("policy-scan").render(report);
            case "policyreport" -> PolicyReportWriter.v1alpha2().renderYaml(report);
            default -> TextReportWriter.standard().render(report);
        };
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

    private static final List<String> STREAMABLE = List.of("k8s-hardening", "pss-baseline", "pss-restricted", "secrets",
            "dockerfile");

    private static String baseName(String packName) {
        int cut = packName.length();
        for (char c : new char[] {'@', ':'}) {
            int i = packName.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return packName.substring(0, cut);
    }

    /**
     * Streams the manifests file by file through the per-object packs, keeping only findings;
     * Dockerfiles (small) are loaded and evaluated as usual. Returns the Dockerfiles as the input
     * (the manifests are not kept).
     */
    private static ScanInput streamingScan(List<String> paths, List<Pack> packs, List<Report> reports) {
        List<Path> manifestPaths = new ArrayList<>();
        DockerfileLoader dockerLoader = DockerfileLoader.defaults();
        List<Dockerfiles> dockerParts = new ArrayList<>();
        List<Report> missing = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (!Files.exists(path)) {
                missing.add(new Report(List.of(LoadError.inFile(p, 0, 0, "no such file or directory").toResult()),
                        List.of(), List.of()));
            } else if (Files.isDirectory(path)) {
                manifestPaths.add(path);
                dockerParts.add(dockerLoader.load(path));
            } else if (DockerfileLoader.isDockerfile(path)) {
                dockerParts.add(dockerLoader.load(path));
            } else {
                manifestPaths.add(path);
            }
        }
        ScanInput docker = new ScanInput(Manifests.of(List.of(), List.of(), List.of()), Dockerfiles.merge(dockerParts));
        List<io.github.policydsl.api.result.RuleResult> kept = new ArrayList<>();
        List<io.github.policydsl.api.result.InputInfo> inputs = new ArrayList<>();
        java.util.Map<String, RuleInfo> rules = new LinkedHashMap<>();
        ManifestLoader loader = ManifestLoader.defaults();
        Manifests lookups = io.github.policydsl.k8s.StreamingEvaluation.lookups(loader, manifestPaths);
        loader.forEachFile(manifestPaths, chunk -> {
            ScanInput in = new ScanInput(chunk.withLookupsFrom(lookups));
            List<Report> parts = new ArrayList<>();
            for (Pack p : packs) {
                if (p.appliesTo().test(in)) {
                    parts.add(p.evaluate().apply(in));
                }
            }
            if (parts.isEmpty()) {
                parts.add(new Report(chunk.loadErrors(), List.of(), chunk.inputs()));
            }
            for (Report r : parts) {
                for (io.github.policydsl.api.result.RuleResult x : r.results()) {
                    if (x.outcome() != Outcome.PASS) {
                        kept.add(x);
                    }
                }
                r.rules().forEach(ri -> rules.putIfAbsent(ri.id(), ri));
                inputs.addAll(r.inputs());
            }
        });
        reports.add(new Report(kept, new ArrayList<>(rules.values()), inputs));
        reports.addAll(missing);
        for (Pack p : packs) {
            if ("dockerfile".equals(baseName(p.name())) && p.appliesTo().test(docker)) {
                reports.add(p.evaluate().apply(docker));
            }
        }
        return docker;
    }

    private static Report governance(Options o, Report report, FindingContext context, PrintStream err) {
        Exemptions exemptions = Exemptions.none();
        if (o.exemptions != null) {
            exemptions = ExemptionFiles.load(Path.of(o.exemptions));
        }
        if (o.noAnnotations) {
            exemptions = exemptions.withAnnotations(false);
        }
        ExemptionResult exempted = exemptions.apply(report, context, LocalDate.now(ZoneOffset.UTC));
        report = exempted.report();
        if (o.baseline != null) {
            BaselineResult b = BaselineRatchet.using(BaselineStore.file(Path.of(o.baseline)))
                    .allowCreation(o.updateBaseline)
                    .refreeze(o.updateBaseline)
                    .allowUpdate(!o.baselineReadOnly)
                    .apply(report, context);
            report = b.report();
            err.println("policy-scan: baseline " + o.baseline + ": " + b.remaining().size() + " recorded, "
                    + b.newViolations().size() + " new, " + b.fixed().size() + " fixed"
                    + (b.fixed().isEmpty() || o.baselineReadOnly ? "" : " (removed from the file)"));
        }
        return report;
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

    private static final List<String> FORMATS = List.of("text", "json", "sarif", "junit", "policyreport");

    /** Parsed command line. */
    static final class Options {
        final List<String> packs = new ArrayList<>();
        final List<String> paths = new ArrayList<>();
        String format = "text";
        String output;
        Severity failOn = Severity.INFO;
        boolean listRules;
        boolean help;
        final List<String> includeRules = new ArrayList<>();
        final List<String> excludeRules = new ArrayList<>();
        String exemptions;
        String sarifBase = "";
        boolean noAnnotations;
        String baseline;
        boolean updateBaseline;
        boolean baselineReadOnly;
        boolean streaming;

        java.util.function.Predicate<String> ruleSelection() {
            List<RuleIdPattern> inc = includeRules.stream().map(RuleIdPattern::of).toList();
            List<RuleIdPattern> exc = excludeRules.stream().map(RuleIdPattern::of).toList();
            return id -> (inc.isEmpty() || inc.stream().anyMatch(p -> p.matches(id)))
                    && exc.stream().noneMatch(p -> p.matches(id));
        }

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--pack" -> o.packs.add(value(args, ++i, a));
                    case "--format" -> {
                        o.format = value(args, ++i, a);
                        if (!FORMATS.contains(o.format)) {
                            throw new IllegalArgumentException("unsupported format '" + o.format + "' (one of "
                                    + String.join(", ", FORMATS) + ")");
                        }
                    }
                    case "--output" -> o.output = value(args, ++i, a);
                    case "--fail-on" -> o.failOn = Severity.parse(value(args, ++i, a));
                    case "--list-rules" -> o.listRules = true;
                    case "--include-rule" -> o.includeRules.add(RuleIdPattern.of(value(args, ++i, a)).toString());
                    case "--exclude-rule" -> o.excludeRules.add(RuleIdPattern.of(value(args, ++i, a)).toString());
                    case "--exemptions" -> o.exemptions = value(args, ++i, a);
                    case "--sarif-base" -> o.sarifBase = value(args, ++i, a);
                    case "--no-annotation-exemptions" -> o.noAnnotations = true;
                    case "--baseline" -> o.baseline = value(args, ++i, a);
                    case "--update-baseline" -> o.updateBaseline = true;
                    case "--baseline-read-only" -> o.baselineReadOnly = true;
                    case "--streaming" -> o.streaming = true;
                    case "--help", "-h" -> o.help = true;
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        o.paths.add(a);
                    }
                }
            }
            if ((o.updateBaseline || o.baselineReadOnly) && o.baseline == null) {
                throw new IllegalArgumentException("--update-baseline and --baseline-read-only need --baseline FILE");
            }
            if (o.updateBaseline && o.baselineReadOnly) {
                throw new IllegalArgumentException("--update-baseline and --baseline-read-only exclude each other");
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
