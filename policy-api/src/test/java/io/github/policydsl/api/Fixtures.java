package io.github.policydsl.api;

import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.InputInfo;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.result.SubjectRef;

import java.util.List;

/** A tiny domain for testing the generic machinery: boxes with a size, in a file. */
final class Fixtures {

    private Fixtures() {
    }

    record Box(String name, int size, int line) implements Subject {
        @Override
        public SubjectRef ref() {
            return new SubjectRef("", "Box", "", name, "");
        }

        @Override
        public FieldPath path() {
            return FieldPath.root();
        }

        @Override
        public Location locate(FieldPath p) {
            return new Location("boxes.txt", line, p.isRoot() ? 1 : 3);
        }
    }

    record Boxes(List<Box> boxes, List<RuleResult> errors) implements EvaluationInput {
        static Boxes of(Box... boxes) {
            return new Boxes(List.of(boxes), List.of());
        }

        @Override
        public List<InputInfo> inputs() {
            return List.of(new InputInfo("boxes.txt", "boxes", boxes.size()));
        }

        @Override
        public List<RuleResult> loadErrors() {
            return errors;
        }
    }

    static final SubjectSource<Boxes, Box> BOXES = SubjectSource.of("boxes", Boxes::boxes);

    static DescribedPredicate<Box> bigger(int n) {
        return DescribedPredicate.describe("are bigger than " + n, b -> b.size() > n);
    }

    static DescribedPredicate<Box> named(String n) {
        return DescribedPredicate.describe("are named " + n, b -> b.name().equals(n));
    }

    static Condition<Box> beSmallerThan(int n) {
        return Condition.of("be smaller than " + n, (b, events) -> {
            if (b.size() < n) {
                events.satisfied(FieldPath.parse("size"), "is " + b.size() + ", smaller than " + n);
            } else {
                events.violated(FieldPath.parse("size"), "is " + b.size() + ", not smaller than " + n);
            }
        });
    }

    static Condition<Box> beEven() {
        return Condition.of("be even", (b, events) -> {
            if (b.size() % 2 == 0) {
                events.satisfied(FieldPath.parse("size"), "is even");
            } else {
                events.violated(FieldPath.parse("size"), "is odd");
            }
        });
    }
}
