package io.github.policydsl.docker.ast;

import io.github.policydsl.docker.internal.shell.ShellLexException;
import io.github.policydsl.docker.internal.shell.ShellLexer;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Computes stages and their resolved values (package-private; not API). */
final class Resolution {

    /** Predefined platform arguments usable in FROM when supplied as build arguments. */
    static final Set<String> PLATFORM_ARGS = Set.of("BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
            "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "TARGETSTAGE");

    private Resolution() {
    }

    /** A value or the expansion error that prevented computing it. */
    static final class Resolved<T> {
        private final T value;
        private final String error;

        private Resolved(T value, String error) {
            this.value = value;
            this.error = error;
        }

        static <T> Resolved<T> of(T value) {
            return new Resolved<>(value, null);
        }

        static <T> Resolved<T> failed(String error) {
            return new Resolved<>(null, error);
        }

        T get() {
            if (error != null) {
                throw new VariableExpansionException(error);
            }
            return value;
        }

        boolean failed() {
            return error != null;
        }
    }

    static String expand(String word, Map<String, String> env, char escape) {
        try {
            return ShellLexer.of(escape).process(word, env::get).word();
        } catch (ShellLexException e) {
            throw new VariableExpansionException(e.getMessage());
        }
    }

    static String expandHeredoc(String body, Map<String, String> env) {
        try {
            return ShellLexer.of('\\').withoutQuoteProcessing().process(body, env::get).word();
        } catch (ShellLexException e) {
            throw new VariableExpansionException(e.getMessage());
        }
    }

    static List<String> expandWords(String word, Map<String, String> env, char escape) {
        try {
            return List.copyOf(ShellLexer.of(escape).process(word, env::get).words());
        } catch (ShellLexException e) {
            throw new VariableExpansionException(e.getMessage());
        }
    }

    /** Mutable state of a stage while its instructions are walked. */
    private static final class State {
        final Map<String, String> args = new LinkedHashMap<>();
        final Map<String, String> env = new LinkedHashMap<>();
        Resolved<Optional<String>> user = Resolved.of(Optional.empty());
        Resolved<Optional<String>> workdir = Resolved.of(Optional.empty());

        Map<String, String> visible() {
            Map<String, String> m = new LinkedHashMap<>(args);
            m.putAll(env);
            return Collections.unmodifiableMap(m);
        }
    }

    static List<Stage> stages(List<Instruction> instructions, Map<String, String> buildArgs, char escape) {
        Map<String, String> global = new LinkedHashMap<>();
        for (String p : PLATFORM_ARGS) {
            if (buildArgs.containsKey(p)) {
                global.put(p, buildArgs.get(p));
            }
        }
        Map<String, String> globalDeclared = new LinkedHashMap<>();
        int i = 0;
        while (i < instructions.size() && !(instructions.get(i) instanceof FromInstruction)) {
            if (instructions.get(i) instanceof ArgInstruction arg) {
                for (ArgDeclaration d : arg.declarations()) {
                    String v = null;
                    if (buildArgs.containsKey(d.name())) {
                        v = buildArgs.get(d.name());
                    } else if (d.defaultValue().isPresent()) {
                        try {
                            v = expand(d.defaultValue().get(), global, escape);
                        } catch (VariableExpansionException e) {
                            v = null;
                        }
                    }
                    if (v != null) {
                        global.put(d.name(), v);
                        globalDeclared.put(d.name(), v);
                    }
                }
            }
            i++;
        }
        // group instructions per stage
        List<List<Instruction>> groups = new ArrayList<>();
        for (; i < instructions.size(); i++) {
            Instruction in = instructions.get(i);
            if (in instanceof FromInstruction) {
                groups.add(new ArrayList<>());
            }
            groups.get(groups.size() - 1).add(in);
        }
        List<Stage> stages = new ArrayList<>();
        Map<String, Stage> byName = new LinkedHashMap<>();
        Map<Stage, State> finalStates = new java.util.IdentityHashMap<>();
        for (int s = 0; s < groups.size(); s++) {
            List<Instruction> group = groups.get(s);
            FromInstruction from = (FromInstruction) group.get(0);
            Resolved<String> image;
            try {
                image = Resolved.of(expand(from.image(), global, escape));
            } catch (VariableExpansionException e) {
                image = Resolved.failed(e.getMessage());
            }
            Resolved<Optional<String>> platform;
            try {
                platform = Resolved.of(from.platform().map(p -> expand(p, global, escape)));
            } catch (VariableExpansionException e) {
                platform = Resolved.failed(e.getMessage());
            }
            Stage base = image.failed() ? null : byName.get(image.get().toLowerCase(java.util.Locale.ROOT));
            State st = new State();
            Map<String, String> imageEnv = new LinkedHashMap<>();
            if (base != null) {
                State bs = finalStates.get(base);
                st.args.putAll(bs.args);
                st.env.putAll(bs.env);
                st.user = bs.user;
                st.workdir = bs.workdir;
                imageEnv.putAll(base.imageEnvironment());
            }
            List<Map<String, String>> scopes = new ArrayList<>();
            for (Instruction in : group) {
                Map<String, String> before = st.visible();
                scopes.add(before);
                apply(in, st, before, globalDeclared, buildArgs, escape, imageEnv);
            }
            Stage stage = new Stage(s, from, group, s == groups.size() - 1, image, platform, base, st.user,
                    st.workdir, scopes, st.visible(), imageEnv, escape);
            finalStates.put(stage, st);
            stages.add(stage);
            from.stageName().ifPresent(n -> byName.putIfAbsent(n, stage));
        }
        return stages;
    }

    private static void apply(Instruction in, State st, Map<String, String> before, Map<String, String> global,
            Map<String, String> buildArgs, char escape, Map<String, String> imageEnv) {
        if (in instanceof EnvInstruction env) {
            Map<String, String> updates = new LinkedHashMap<>();
            for (KeyValue kv : env.pairs()) {
                try {
                    updates.put(expand(kv.key(), before, escape), expand(kv.value(), before, escape));
                } catch (VariableExpansionException e) {
                    // the build fails here; keep the raw text so later lookups still work
                    updates.put(kv.key(), kv.value());
                }
            }
            st.env.putAll(updates);
            imageEnv.putAll(updates);
        } else if (in instanceof ArgInstruction arg) {
            for (ArgDeclaration d : arg.declarations()) {
                String v = null;
                if (buildArgs.containsKey(d.name())) {
                    v = buildArgs.get(d.name());
                } else if (d.defaultValue().isPresent()) {
                    try {
                        v = expand(d.defaultValue().get(), st.visible(), escape);
                    } catch (VariableExpansionException e) {
                        v = d.defaultValue().get();
                    }
                } else if (global.containsKey(d.name())) {
                    v = global.get(d.name());
                }
                if (v != null) {
                    st.args.put(d.name(), v);
                }
            }
        } else if (in instanceof UserInstruction user) {
            try {
                String u = expand(user.user(), before, escape);
                st.user = Resolved.of(u.isEmpty() ? Optional.empty() : Optional.of(u));
            } catch (VariableExpansionException e) {
                st.user = Resolved.failed(e.getMessage());
            }
        } else if (in instanceof WorkdirInstruction wd) {
            Resolved<Optional<String>> prev = st.workdir;
            try {
                String p = expand(wd.path(), before, escape);
                if (prev.failed()) {
                    st.workdir = prev;
                } else if (p.isEmpty()) {
                    st.workdir = prev;
                } else {
                    String joined = p.startsWith("/") ? p : prev.get().orElse("/") + "/" + p;
                    st.workdir = Resolved.of(Optional.of(cleanPath(joined)));
                }
            } catch (VariableExpansionException e) {
                st.workdir = Resolved.failed(e.getMessage());
            }
        }
    }

    /** Go's {@code path.Clean} for absolute paths. */
    static String cleanPath(String p) {
        Deque<String> parts = new ArrayDeque<>();
        for (String seg : p.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
                continue;
            }
            parts.addLast(seg);
        }
        return "/" + String.join("/", parts);
    }
}
