package io.github.policydsl.api;

import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleInfo;
import io.github.policydsl.api.result.RuleResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The rules of a policy that share one subject source, evaluated in one pass over its subjects:
 * for each subject, every rule in turn. Rules are ordered by id, so that the results of one
 * subject come out in report order. Immutable.
 *
 * @param <I> the input type
 */
final class Batch<I extends EvaluationInput> {

    private final SubjectSource<I, ?> source;
    private final PerSubjectRule<I, Subject>[] rules;
    private final List<RuleInfo> infos;

    @SuppressWarnings("unchecked")
    Batch(SubjectSource<I, ?> source, List<PerSubjectRule<I, ?>> members) {
        this.source = source;
        List<PerSubjectRule<I, ?>> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(Rule::id));
        this.rules = sorted.toArray(new PerSubjectRule[0]);
        this.infos = sorted.stream().map(Rule::info).toList();
    }

    /** Evaluates all rules over all subjects on the calling thread. */
    Report evaluate(I input) {
        List<? extends Subject> subjects = source.subjects(input);
        boolean[] selected = new boolean[rules.length];
        Report.Builder results = Report.builder(infos, input.inputs(), subjects.size() * rules.length + rules.length);
        evaluate(input, subjects, 0, subjects.size(), selected, results);
        addEmptySelections(selected, input, results);
        return results.build();
    }

    /**
     * Evaluates a range of subjects into a report builder, which checks the order of each result
     * while it is fresh: subjects in source order and rules in id order give results in report
     * order, with no sort at the end.
     */
    private void evaluate(I input, List<? extends Subject> subjects, int from, int to, boolean[] selected,
            Report.Builder results) {
        ConditionEvents scratch = ConditionEvents.violationsOnly();
        for (int s = from; s < to; s++) {
            Subject subject = subjects.get(s);
            for (int r = 0; r < rules.length; r++) {
                RuleResult result = rules[r].evaluateSubject(input, subject, scratch);
                if (result != null) {
                    selected[r] = true;
                    results.add(result);
                }
            }
        }
    }

    private void addEmptySelections(boolean[] selected, I input, Report.Builder results) {
        for (int r = 0; r < rules.length; r++) {
            if (!selected[r]) {
                RuleResult empty = rules[r].emptySelection(input.inputs());
                if (empty != null) {
                    results.add(empty);
                }
            }
        }
    }

    /**
     * Prepares a parallel evaluation in about {@code tasks} contiguous chunks. A source that finds
     * subjects by parts of the input is split by parts, and each chunk extracts its own subjects in
     * its task; for any other source the subjects are extracted here, on the calling thread, and
     * split.
     */
    Split<I> split(I input, int tasks) {
        java.util.Optional<? extends SubjectSource.Parts<? super I, ? extends Subject>> parts = source.parts();
        if (parts.isPresent()) {
            SubjectSource.Parts<? super I, ? extends Subject> p = parts.get();
            return new Split<>(this, input, null, p, bounds(Math.max(0, p.count(input)), tasks));
        }
        List<? extends Subject> subjects = source.subjects(input);
        return new Split<>(this, input, subjects, null, bounds(subjects.size(), tasks));
    }

    /**
     * Where the chunks of a parallel pass start and end: about {@code tasks} chunks that shrink
     * towards the end (half of the subjects in the first quarter of the chunks, the last chunks a
     * few subjects each). Workers take chunks in order, so the big ones go first and the last
     * ones even out the workers' finishing times, with few chunks in all.
     *
     * @param n the number of subjects
     * @param tasks the number of chunks wanted
     * @return the boundaries: chunk {@code i} is {@code [bounds[i], bounds[i + 1])}
     */
    static int[] bounds(int n, int tasks) {
        int left = Math.max(1, tasks);
        int[] b = new int[Math.min(n, left) + 1]; // at most one chunk per subject and per task
        int chunks = 0;
        while (b[chunks] < n) {
            int at = b[chunks];
            // each chunk takes twice its fair share of what remains for the chunks left, at least one subject
            b[++chunks] = at + Math.max(1, Math.min(n - at, (n - at) * 2 / (left + 1)));
            left = Math.max(1, left - 1);
        }
        return chunks + 1 == b.length ? b : Arrays.copyOf(b, chunks + 1);
    }

    /** One parallel evaluation of a batch: its chunks and the selections seen. */
    static final class Split<I extends EvaluationInput> {
        private final Batch<I> batch;
        private final I input;
        /** The subjects, when the chunks are ranges of them; else null. */
        private final List<? extends Subject> subjects;
        /** How to find the subjects of a range of parts, when the chunks are ranges of parts; else null. */
        private final SubjectSource.Parts<? super I, ? extends Subject> parts;
        private final int[] bounds;
        private final boolean[][] selected;

        Split(Batch<I> batch, I input, List<? extends Subject> subjects,
                SubjectSource.Parts<? super I, ? extends Subject> parts, int[] bounds) {
            this.batch = batch;
            this.input = input;
            this.subjects = subjects;
            this.parts = parts;
            this.bounds = bounds;
            this.selected = new boolean[chunks()][];
        }

        int chunks() {
            return bounds.length - 1;
        }

        /**
         * Evaluates one chunk; each chunk publishes only its own row of selections, once at the
         * end, so that threads do not write to one cache line per subject.
         */
        Report evaluate(int chunk) {
            int from = bounds[chunk];
            int to = bounds[chunk + 1];
            List<? extends Subject> mySubjects = subjects;
            if (parts != null) {
                mySubjects = parts.subjects(input, from, to);
                from = 0;
                to = mySubjects.size();
            }
            Report.Builder results = Report.builder(batch.infos, input.inputs(), (to - from) * batch.rules.length);
            boolean[] mine = new boolean[batch.rules.length];
            batch.evaluate(input, mySubjects, from, to, mine, results);
            selected[chunk] = mine;
            return results.build();
        }

        /** The report of the rules that selected no subject in any chunk, once all chunks are done. */
        Report emptySelections() {
            boolean[] any = new boolean[batch.rules.length];
            for (boolean[] row : selected) {
                if (row == null) {
                    continue;
                }
                for (int r = 0; r < any.length; r++) {
                    any[r] |= row[r];
                }
            }
            Report.Builder empties = Report.builder(batch.infos, input.inputs());
            batch.addEmptySelections(any, input, empties);
            return empties.build();
        }
    }
}
