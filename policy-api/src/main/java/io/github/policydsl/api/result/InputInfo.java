package io.github.policydsl.api.result;

import java.util.AbstractList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * One input file that was read.
 *
 * @param file the file name as given
 * @param type {@code manifest} or {@code dockerfile}
 * @param objects the number of Kubernetes objects, or of Dockerfile instructions (ONBUILD counts once)
 */
public record InputInfo(String file, String type, int objects) {
    /** Validates the components. */
    public InputInfo {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(type, "type");
    }

    /**
     * The inputs as reports list them: sorted by file name, then type, one entry per file and
     * type (the first one given). The result is unmodifiable; normalizing it again returns it as
     * it is, so inputs that normalize their list once spare every report the work.
     *
     * @param inputs the inputs, in any order
     * @return the normalized list
     */
    public static List<InputInfo> normalize(List<InputInfo> inputs) {
        if (inputs instanceof Normalized) {
            return inputs;
        }
        boolean normal = true;
        for (int i = 1; i < inputs.size() && normal; i++) {
            InputInfo a = inputs.get(i - 1);
            InputInfo b = inputs.get(i);
            int c = a.file().compareTo(b.file());
            normal = c < 0 || (c == 0 && a.type().compareTo(b.type()) < 0);
        }
        if (normal) {
            return new Normalized(inputs.toArray(new InputInfo[0]));
        }
        Map<List<String>, InputInfo> distinct = new LinkedHashMap<>();
        for (InputInfo i : inputs) {
            distinct.putIfAbsent(List.of(i.file(), i.type()), i);
        }
        return new Normalized(distinct.values().stream()
                .sorted(Comparator.comparing(InputInfo::file).thenComparing(InputInfo::type))
                .toArray(InputInfo[]::new));
    }

    /** An unmodifiable list of inputs known to be sorted and distinct. */
    private static final class Normalized extends AbstractList<InputInfo> implements RandomAccess {
        private final InputInfo[] items;

        Normalized(InputInfo[] items) {
            for (InputInfo i : items) {
                Objects.requireNonNull(i, "input");
            }
            this.items = items;
        }

        @Override
        public InputInfo get(int index) {
            return items[index];
        }

        @Override
        public int size() {
            return items.length;
        }
    }
}
