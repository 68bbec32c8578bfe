package io.github.policydsl.docker.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.policydsl.docker.ast.Dockerfile;
import io.github.policydsl.docker.ast.Heredoc;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.internal.AstDump;
import io.github.policydsl.docker.internal.shell.ShellLexException;
import io.github.policydsl.docker.internal.shell.ShellLexer;
import io.github.policydsl.docker.internal.text.GoText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the BuildKit parser conformance data (see FORMAT.md in that folder): every positive case
 * must dump exactly like the reference parser (and match its details.json when present), every
 * negative case must be rejected with an error naming a line, and the shell-lexer vectors must
 * give the expected expansion.
 */
class BuildKitConformanceTest {

    private static final String PROPERTY = "policydsl.conformance.dockerfile";
    private static final String REQUIRED = "policydsl.conformance.required";
    private static final AtomicInteger POSITIVE = new AtomicInteger();
    private static final AtomicInteger NEGATIVE = new AtomicInteger();
    private static final AtomicInteger LEXER = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();

    private static final DockerfileParser PARSER = DockerfileParser.defaults();

    static Path dataDir() {
        String p = System.getProperty(PROPERTY);
        return p == null || p.isBlank() ? Paths.get("../shared/conformance/dockerfile-parser") : Paths.get(p);
    }

    @TestFactory
    Stream<DynamicNode> conformance() throws IOException {
        Path dir = dataDir();
        if (!Files.isDirectory(dir)) {
            String msg = "dockerfile-parser conformance data not found at " + dir.toAbsolutePath()
                    + " (set -D" + PROPERTY + "=<dir>)";
            if (Boolean.getBoolean(REQUIRED)) {
                fail(msg + " and " + REQUIRED + "=true");
            }
            System.out.println("SKIPPED: " + msg);
            Assumptions.abort(msg + "; skipping");
        }
        List<DynamicNode> nodes = new ArrayList<>();
        for (String folder : List.of("testfiles", "extra-cases")) {
            Path d = dir.resolve(folder);
            if (Files.isDirectory(d)) {
                nodes.add(DynamicContainer.dynamicContainer(folder, cases(d).map(this::positive)));
            }
        }
        for (String folder : List.of("testfiles-negative", "extra-cases-negative")) {
            Path d = dir.resolve(folder);
            if (Files.isDirectory(d)) {
                nodes.add(DynamicContainer.dynamicContainer(folder, cases(d).map(this::negative)));
            }
        }
        Path line = dir.resolve("testfile-line");
        if (Files.isRegularFile(line.resolve("Dockerfile"))) {
            nodes.add(positive(line));
            nodes.add(DynamicTest.dynamicTest("testfile-line upstream line ranges", () -> lineRanges(line)));
        }
        Path lex = dir.resolve("shell-lex");
        if (Files.isRegularFile(lex.resolve("envVarTest"))) {
            nodes.add(DynamicContainer.dynamicContainer("shell-lex/envVarTest", envVarTests(lex.resolve("envVarTest"))));
        }
        if (Files.isRegularFile(lex.resolve("wordsTest"))) {
            nodes.add(DynamicContainer.dynamicContainer("shell-lex/wordsTest", wordsTests(lex.resolve("wordsTest"))));
        }
        assertTrue(!nodes.isEmpty(), "no conformance cases found in " + dir);
        return nodes.stream();
    }

    @AfterAll
    static void summary() {
        if (POSITIVE.get() + NEGATIVE.get() + LEXER.get() + FAILED.get() > 0) {
            System.out.println("dockerfile-parser conformance: " + POSITIVE.get() + " positive, " + NEGATIVE.get()
                    + " negative passed; " + LEXER.get() + " shell-lex vectors passed; " + FAILED.get() + " failed");
        }
    }

    private static Stream<Path> cases(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("Dockerfile"))).sorted().toList().stream();
        }
    }

    private static <T> T counted(AtomicInteger counter, ThrowingSupplier<T> body) throws Throwable {
        try {
            T v = body.get();
            counter.incrementAndGet();
            return v;
        } catch (Throwable t) {
            FAILED.incrementAndGet();
            throw t;
        }
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Throwable;
    }

    private DynamicTest positive(Path caseDir) {
        return DynamicTest.dynamicTest(caseDir.getFileName().toString(), caseDir.toUri(), () -> counted(POSITIVE, () -> {
            byte[] input = Files.readAllBytes(caseDir.resolve("Dockerfile"));
            Dockerfile df = PARSER.parse(caseDir.getFileName() + "/Dockerfile", input);
            String expected = GoText.decode(Files.readAllBytes(caseDir.resolve("result")), 0,
                    (int) Files.size(caseDir.resolve("result")));
            assertEquals(expected, AstDump.dump(df), "dump of " + caseDir);
            Path details = caseDir.resolve("details.json");
            if (Files.isRegularFile(details)) {
                checkDetails(df, details);
            }
            return null;
        }));
    }

    @SuppressWarnings("unchecked")
    private static void checkDetails(Dockerfile df, Path details) throws IOException {
        Map<String, Object> d = (Map<String, Object>) MiniJson.parse(Files.readString(details, StandardCharsets.UTF_8));
        assertEquals(d.get("escapeToken"), String.valueOf(df.escapeToken()), "escape token");
        assertEquals(d.get("warnings"), df.warnings(), "warnings");
        List<Object> instr = (List<Object>) d.get("instructions");
        assertEquals(instr.size(), df.instructions().size(), "instruction count");
        for (Object o : instr) {
            Map<String, Object> m = (Map<String, Object>) o;
            int idx = ((Long) m.get("index")).intValue();
            Instruction in = df.instructions().get(idx);
            String where = "instruction " + idx + " (" + in.original() + ")";
            assertEquals(m.get("cmd"), GoText.toLower(in.keyword()), where + " cmd");
            assertEquals(((Long) m.get("startLine")).intValue(), in.range().startLine(), where + " startLine");
            assertEquals(((Long) m.get("endLine")).intValue(), in.range().endLine(), where + " endLine");
            assertEquals(Boolean.TRUE.equals(m.get("json")), in.isExecForm(), where + " json");
            List<Object> comments = (List<Object>) m.getOrDefault("comments", List.of());
            assertEquals(comments, in.syntax().comments(), where + " comments");
            List<Object> docs = (List<Object>) m.getOrDefault("heredocs", List.of());
            assertEquals(docs.size(), in.heredocs().size(), where + " heredoc count");
            for (int i = 0; i < docs.size(); i++) {
                Map<String, Object> h = (Map<String, Object>) docs.get(i);
                Heredoc actual = in.heredocs().get(i);
                assertEquals(h.get("name"), actual.name(), where + " heredoc name");
                assertEquals(((Long) h.get("fd")).intValue(), actual.fileDescriptor(), where + " heredoc fd");
                assertEquals(h.get("expand"), actual.expand(), where + " heredoc expand");
                assertEquals(h.get("chomp"), actual.chompTabs(), where + " heredoc chomp");
                assertEquals(h.get("content"), actual.content(), where + " heredoc content");
            }
        }
    }

    private DynamicTest negative(Path caseDir) {
        return DynamicTest.dynamicTest(caseDir.getFileName().toString(), caseDir.toUri(), () -> counted(NEGATIVE, () -> {
            byte[] input = Files.readAllBytes(caseDir.resolve("Dockerfile"));
            String name = caseDir.getFileName() + "/Dockerfile";
            DockerfileParseException e = assertThrows(DockerfileParseException.class, () -> PARSER.parse(name, input));
            assertTrue(e.line() >= 1, "error must name a line: " + e.getMessage());
            assertTrue(e.getMessage().startsWith(name + ":" + e.line() + ":" + e.column() + ": "), e.getMessage());
            assertTrue(!e.problem().isBlank(), "problem text");
            long lines = new String(input, StandardCharsets.UTF_8).lines().count();
            assertTrue(e.line() <= Math.max(1, lines), "line within file: " + e.getMessage());
            return null;
        }));
    }

    private void lineRanges(Path dir) throws IOException {
        Dockerfile df = PARSER.parse(dir.resolve("Dockerfile"));
        assertEquals(3, df.instructions().size());
        int[][] expected = {{5, 5}, {11, 12}, {17, 31}};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], df.instructions().get(i).range().startLine(), "start of " + i);
            assertEquals(expected[i][1], df.instructions().get(i).range().endLine(), "end of " + i);
        }
    }

    private Stream<DynamicNode> envVarTests(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PWD", "/home");
        env.put("SHELL", "bash");
        env.put("KOREAN", "한국어");
        env.put("NULL", "");
        List<DynamicNode> tests = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            assertEquals(3, f.length, "malformed vector at line " + (n + 1) + ": " + line);
            String platform = f[0].trim();
            String input = f[1].trim();
            String expected = f[2].trim();
            for (boolean windows : new boolean[] {false, true}) {
                if ((platform.equals("U") && windows) || (platform.equals("W") && !windows)) {
                    continue;
                }
                String title = "line " + (n + 1) + (windows ? " [windows] " : " [unix] ") + input;
                tests.add(DynamicTest.dynamicTest(title, () -> counted(LEXER, () -> {
                    ShellLexer lexer = ShellLexer.of('\\');
                    ShellLexer.Env e = ShellLexer.Env.of(env, windows);
                    if (expected.equals("error")) {
                        assertThrows(ShellLexException.class, () -> lexer.process(input, e));
                    } else {
                        assertEquals(expected, lexer.process(input, e).word());
                    }
                    return null;
                })));
            }
        }
        return tests.stream();
    }

    private Stream<DynamicNode> wordsTests(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        List<DynamicNode> tests = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("ENV ")) {
                String kv = line.substring(4).stripLeading();
                int eq = kv.indexOf('=');
                env.put(kv.substring(0, eq), kv.substring(eq + 1));
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length != 2) {
                throw new UncheckedIOException(new IOException("malformed words vector at line " + (n + 1)));
            }
            String input = f[0].trim();
            String expectedText = f[1].stripLeading();
            Map<String, String> snapshot = Map.copyOf(env);
            tests.add(DynamicTest.dynamicTest("line " + (n + 1) + " " + input, () -> counted(LEXER, () -> {
                ShellLexer lexer = ShellLexer.of('\\');
                if (expectedText.equals("error")) {
                    assertThrows(ShellLexException.class, () -> lexer.process(input, snapshot::get));
                } else {
                    assertEquals(Arrays.asList(expectedText.split(",", -1)), lexer.process(input, snapshot::get).words());
                }
                return null;
            })));
        }
        return tests.stream();
    }
}
