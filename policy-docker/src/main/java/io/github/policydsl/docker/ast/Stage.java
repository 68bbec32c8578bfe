package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One build stage: a FROM instruction and the instructions up to the next FROM. Resolved values
 * (base image, user, working directory, environment) follow BuildKit's expansion and scoping
 * rules; see {@link Dockerfile} for how build arguments are supplied.
 */
public final class Stage {

    private final int index;
    private final FromInstruction from;
    private final List<Instruction> instructions;
    private final boolean isFinal;
    private final Resolution.Resolved<String> baseImage;
    private final Resolution.Resolved<Optional<String>> platform;
    private final Stage baseStage;
    private final Resolution.Resolved<Optional<String>> user;
    private final Resolution.Resolved<Optional<String>> workdir;
    private final List<Map<String, String>> scopes;
    private final Map<String, String> finalEnv;
    private final Map<String, String> imageEnv;
    private final char escapeToken;

    Stage(int index, FromInstruction from, List<Instruction> instructions, boolean isFinal,
            Resolution.Resolved<String> baseImage, Resolution.Resolved<Optional<String>> platform, Stage baseStage,
            Resolution.Resolved<Optional<String>> user, Resolution.Resolved<Optional<String>> workdir,
            List<Map<String, String>> scopes, Map<String, String> finalEnv, Map<String, String> imageEnv,
            char escapeToken) {
        this.index = index;
        this.from = from;
        this.instructions = List.copyOf(instructions);
        this.isFinal = isFinal;
        this.baseImage = baseImage;
        this.platform = platform;
        this.baseStage = baseStage;
        this.user = user;
        this.workdir = workdir;
        this.scopes = List.copyOf(scopes);
        this.finalEnv = Map.copyOf(finalEnv);
        this.imageEnv = Map.copyOf(imageEnv);
        this.escapeToken = escapeToken;
    }

    /**
     * Zero-based position of the stage in the file.
     *
     * @return the index
     */
    public int index() {
        return index;
    }

    /**
     * The stage name given with {@code AS}, lower-cased.
     *
     * @return the name, empty for an unnamed stage
     */
    public Optional<String> name() {
        return from.stageName();
    }

    /**
     * The FROM instruction that starts the stage.
     *
     * @return the FROM instruction
     */
    public FromInstruction from() {
        return from;
    }

    /**
     * The stage's instructions, starting with its FROM.
     *
     * @return instructions in order
     */
    public List<Instruction> instructions() {
        return instructions;
    }

    /**
     * Whether this is the last stage of the file (the default build target).
     *
     * @return true for the final stage
     */
    public boolean isFinal() {
        return isFinal;
    }

    /**
     * The base image text after expanding global build arguments.
     *
     * @return the expanded image reference, or stage name when it names an earlier stage
     * @throws VariableExpansionException when the FROM line cannot be expanded
     */
    public String baseImage() {
        return baseImage.get();
    }

    /**
     * The base image parsed as a reference. Empty when the stage builds on an earlier stage or
     * when the expanded text is not a valid reference.
     *
     * @return the parsed reference
     * @throws VariableExpansionException when the FROM line cannot be expanded
     */
    public Optional<ImageRef> image() {
        if (baseStage != null) {
            return Optional.empty();
        }
        return ImageRef.tryParse(baseImage());
    }

    /**
     * The earlier stage this one is built on ({@code FROM <stage name>}).
     *
     * @return the base stage, empty when building on an image
     */
    public Optional<Stage> baseStage() {
        return Optional.ofNullable(baseStage);
    }

    /**
     * The {@code --platform} value after expanding global build arguments.
     *
     * @return the platform, empty when not given
     * @throws VariableExpansionException when the value cannot be expanded
     */
    public Optional<String> platform() {
        return platform.get();
    }

    /**
     * The user the stage's later instructions and the resulting container run as: the last
     * USER of this stage, else the one inherited from the base stage. Empty means the base
     * image's default (usually root).
     *
     * @return the expanded user, e.g. {@code app} or {@code 1000:1000}
     * @throws VariableExpansionException when the USER value cannot be expanded
     */
    public Optional<String> effectiveUser() {
        return user.get();
    }

    /**
     * The working directory after the stage's WORKDIR instructions (relative paths joined to the
     * previous one, or to {@code /} when none is known), inherited from a base stage.
     *
     * @return the expanded, cleaned path; empty when no WORKDIR applies
     * @throws VariableExpansionException when a WORKDIR value cannot be expanded
     */
    public Optional<String> effectiveWorkdir() {
        return workdir.get();
    }

    /**
     * The variables visible at the end of the stage (ARG and ENV values).
     *
     * @return name to value
     */
    public Map<String, String> environment() {
        return finalEnv;
    }

    /**
     * The ENV values the stage writes into the image (inherited ones from a base stage included).
     *
     * @return name to value
     */
    public Map<String, String> imageEnvironment() {
        return imageEnv;
    }

    /**
     * The variables visible to an instruction of this stage (the state just before it).
     *
     * @param at an instruction of this stage (compared by identity)
     * @return name to value
     * @throws IllegalArgumentException when the instruction is not part of this stage
     */
    public Map<String, String> environmentAt(Instruction at) {
        return scopes.get(position(at));
    }

    /**
     * Expands a word the way BuildKit does for instruction arguments, in the scope just before
     * {@code at}: quotes removed, escapes applied, variables substituted.
     *
     * @param word the text, e.g. {@code ${HOME}/bin}
     * @param at an instruction of this stage
     * @return the expanded text
     * @throws VariableExpansionException on a substitution error
     * @throws IllegalArgumentException when the instruction is not part of this stage
     */
    public String expand(String word, Instruction at) {
        return Resolution.expand(word, environmentAt(at), escapeToken);
    }

    /**
     * Expands and splits a word into words (unquoted expansions are split on whitespace), as done
     * for EXPOSE.
     *
     * @param word the text
     * @param at an instruction of this stage
     * @return the words
     * @throws VariableExpansionException on a substitution error
     */
    public List<String> expandWords(String word, Instruction at) {
        return Resolution.expandWords(word, environmentAt(at), escapeToken);
    }

    /**
     * The text a COPY/ADD heredoc produces: leading tabs removed for {@code <<-}, then, when the
     * delimiter was not quoted, variables expanded with the stage environment (quotes are not
     * processed and {@code \} is the escape character). RUN heredocs are not expanded by BuildKit;
     * their shell does it.
     *
     * @param heredoc a heredoc of {@code at}
     * @param at the instruction holding it, part of this stage
     * @return the content used for the inline file
     * @throws VariableExpansionException on a substitution error
     */
    public String heredocContent(Heredoc heredoc, Instruction at) {
        Objects.requireNonNull(heredoc, "heredoc");
        Map<String, String> env = environmentAt(at);
        String body = heredoc.effectiveContent();
        return heredoc.expand() ? Resolution.expandHeredoc(body, env) : body;
    }

    private int position(Instruction at) {
        Objects.requireNonNull(at, "at");
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i) == at) {
                return i;
            }
        }
        throw new IllegalArgumentException("instruction is not part of stage " + index + ": " + at.original());
    }

    @Override
    public String toString() {
        return "Stage[" + index + (name().map(n -> " " + n).orElse("")) + " FROM " + from.image() + "]";
    }
}
