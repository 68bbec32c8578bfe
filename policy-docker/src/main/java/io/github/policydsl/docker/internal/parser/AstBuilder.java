package io.github.policydsl.docker.internal.parser;

import io.github.policydsl.docker.ast.AddInstruction;
import io.github.policydsl.docker.ast.ArgDeclaration;
import io.github.policydsl.docker.ast.ArgInstruction;
import io.github.policydsl.docker.ast.Argument;
import io.github.policydsl.docker.ast.CmdInstruction;
import io.github.policydsl.docker.ast.CopyInstruction;
import io.github.policydsl.docker.ast.EntrypointInstruction;
import io.github.policydsl.docker.ast.EnvInstruction;
import io.github.policydsl.docker.ast.ExposeInstruction;
import io.github.policydsl.docker.ast.Flag;
import io.github.policydsl.docker.ast.FromInstruction;
import io.github.policydsl.docker.ast.HealthcheckInstruction;
import io.github.policydsl.docker.ast.Heredoc;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.ast.KeyValue;
import io.github.policydsl.docker.ast.LabelInstruction;
import io.github.policydsl.docker.ast.MaintainerInstruction;
import io.github.policydsl.docker.ast.OnbuildInstruction;
import io.github.policydsl.docker.ast.RunInstruction;
import io.github.policydsl.docker.ast.ShellInstruction;
import io.github.policydsl.docker.ast.StopSignalInstruction;
import io.github.policydsl.docker.ast.Syntax;
import io.github.policydsl.docker.ast.UnknownInstruction;
import io.github.policydsl.docker.ast.UserInstruction;
import io.github.policydsl.docker.ast.VolumeInstruction;
import io.github.policydsl.docker.ast.WorkdirInstruction;
import io.github.policydsl.docker.internal.parser.RawNode.RawHeredoc;
import io.github.policydsl.docker.internal.parser.RawNode.RawText;
import io.github.policydsl.docker.internal.text.GoText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns parser nodes into typed instruction records. */
public final class AstBuilder {

    private AstBuilder() {
    }

    /**
     * Builds the typed instruction for a node.
     *
     * @param node parser node
     * @return the instruction
     */
    public static Instruction build(RawNode node) {
        Instruction child = node.child() == null ? null : build(node.child());
        boolean execForm = node.json() || (child != null && child.isExecForm());
        List<Flag> flags = new ArrayList<>();
        for (RawText f : node.flags()) {
            flags.add(new Flag(f.value(), f.range()));
        }
        List<Argument> args = new ArrayList<>();
        for (RawText a : node.args()) {
            args.add(new Argument(a.value(), a.range()));
        }
        List<Heredoc> docs = new ArrayList<>();
        for (RawHeredoc h : node.heredocs()) {
            docs.add(new Heredoc(h.name(), h.fd(), h.expand(), h.chomp(), h.content(), h.range()));
        }
        Syntax syntax = new Syntax(node.keyword(), node.keywordRange(), flags, args, execForm, docs,
                node.original(), node.comments(), node.range());
        List<String> values = new ArrayList<>();
        for (Argument a : args) {
            values.add(a.value());
        }
        switch (GoText.toLower(node.keyword())) {
            case "from": {
                String image = values.isEmpty() ? "" : values.get(0);
                Optional<String> name = values.size() == 3 && values.get(1).equalsIgnoreCase("as")
                        ? Optional.of(values.get(2).toLowerCase(Locale.ROOT)) : Optional.empty();
                return new FromInstruction(syntax, image, name);
            }
            case "run":
                return new RunInstruction(syntax, values);
            case "cmd":
                return new CmdInstruction(syntax, values);
            case "entrypoint":
                return new EntrypointInstruction(syntax, values);
            case "shell":
                return new ShellInstruction(syntax, values);
            case "copy":
                return new CopyInstruction(syntax, sources(args), destination(args));
            case "add":
                return new AddInstruction(syntax, sources(args), destination(args));
            case "env":
                return new EnvInstruction(syntax, pairs(args));
            case "label":
                return new LabelInstruction(syntax, pairs(args));
            case "arg": {
                List<ArgDeclaration> decls = new ArrayList<>();
                for (Argument a : args) {
                    String w = a.value();
                    int eq = w.indexOf('=');
                    decls.add(eq < 0 ? new ArgDeclaration(w, Optional.empty(), a.range())
                            : new ArgDeclaration(w.substring(0, eq), Optional.of(w.substring(eq + 1)), a.range()));
                }
                return new ArgInstruction(syntax, decls);
            }
            case "user":
                return new UserInstruction(syntax, single(values));
            case "workdir":
                return new WorkdirInstruction(syntax, single(values));
            case "expose":
                return new ExposeInstruction(syntax, args);
            case "volume":
                return new VolumeInstruction(syntax, args);
            case "stopsignal":
                return new StopSignalInstruction(syntax, single(values));
            case "maintainer":
                return new MaintainerInstruction(syntax, single(values));
            case "healthcheck":
                return new HealthcheckInstruction(syntax, values.isEmpty() ? "" : values.get(0),
                        values.isEmpty() ? List.of() : values.subList(1, values.size()));
            case "onbuild":
                return new OnbuildInstruction(syntax, Optional.ofNullable(child));
            default:
                return new UnknownInstruction(syntax);
        }
    }

    private static String single(List<String> values) {
        return values.isEmpty() ? "" : values.get(0);
    }

    private static List<Argument> sources(List<Argument> args) {
        return args.size() < 2 ? List.of() : args.subList(0, args.size() - 1);
    }

    private static Optional<Argument> destination(List<Argument> args) {
        return args.size() < 2 ? Optional.empty() : Optional.of(args.get(args.size() - 1));
    }

    private static List<KeyValue> pairs(List<Argument> args) {
        List<KeyValue> out = new ArrayList<>();
        for (int i = 0; i + 2 < args.size(); i += 3) {
            Argument k = args.get(i);
            Argument v = args.get(i + 1);
            Argument sep = args.get(i + 2);
            out.add(new KeyValue(k.value(), v.value(), sep.value().isEmpty(), k.range(), v.range()));
        }
        return out;
    }
}
