package io.github.policydsl.docker.internal;

import io.github.policydsl.docker.ast.Argument;
import io.github.policydsl.docker.ast.Dockerfile;
import io.github.policydsl.docker.ast.Flag;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.ast.OnbuildInstruction;
import io.github.policydsl.docker.internal.text.GoText;

/**
 * Prints a parsed Dockerfile in the reference parser's dump format: one {@code (keyword ...)}
 * line per instruction, strings quoted like Go's {@code strconv.Quote}.
 */
public final class AstDump {

    private AstDump() {
    }

    /**
     * Dumps the whole file; the text ends with one newline.
     *
     * @param dockerfile the parsed file
     * @return the dump
     */
    public static String dump(Dockerfile dockerfile) {
        StringBuilder sb = new StringBuilder();
        for (Instruction i : dockerfile.instructions()) {
            sb.append('(').append(instruction(i)).append(")\n");
        }
        return sb.toString();
    }

    /**
     * Dumps one instruction without the surrounding parentheses.
     *
     * @param instruction the instruction
     * @return e.g. {@code run "echo hi"}
     */
    public static String instruction(Instruction instruction) {
        StringBuilder sb = new StringBuilder();
        sb.append(GoText.toLower(instruction.keyword()));
        if (!instruction.flags().isEmpty()) {
            sb.append(" [");
            boolean first = true;
            for (Flag f : instruction.flags()) {
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                sb.append(GoText.quote(f.text()));
            }
            sb.append(']');
        }
        if (instruction instanceof OnbuildInstruction ob && ob.trigger().isPresent()) {
            sb.append(" (").append(instruction(ob.trigger().get())).append(')');
        }
        for (Argument a : instruction.arguments()) {
            sb.append(' ').append(GoText.quote(a.value()));
        }
        return GoText.trimSpace(sb.toString());
    }
}
