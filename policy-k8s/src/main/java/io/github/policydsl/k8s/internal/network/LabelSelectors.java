package io.github.policydsl.k8s.internal.network;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Kubernetes label selector semantics ({@code matchLabels} ANDed with {@code matchExpressions}:
 * In, NotIn, Exists, DoesNotExist). An empty selector matches everything; a null selector
 * matches nothing, as the API server treats a missing selector where one is optional. An
 * unknown operator matches nothing (fail closed).
 */
public final class LabelSelectors {

    private LabelSelectors() {
    }

    /**
     * Whether a selector matches a label set.
     *
     * @param selector the selector, or null (matches nothing)
     * @param labels the labels
     * @return true if every requirement holds
     */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> want = selector.getMatchLabels();
        if (want != null) {
            for (Map.Entry<String, String> e : want.entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        List<LabelSelectorRequirement> exprs = selector.getMatchExpressions();
        if (exprs != null) {
            for (LabelSelectorRequirement r : exprs) {
                if (!matches(r, labels)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
        String key = r.getKey();
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        String op = r.getOperator() == null ? "" : r.getOperator();
        return switch (op) {
            case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
            case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
            case "Exists" -> labels.containsKey(key);
            case "DoesNotExist" -> !labels.containsKey(key);
            default -> false;
        };
    }

    /**
     * Whether a selector selects everything ({@code {}}).
     *
     * @param selector the selector
     * @return true if non-null and without requirements
     */
    public static boolean isEmpty(LabelSelector selector) {
        return selector != null && (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    /**
     * A short text form: {@code {}} or {@code app=web,tier In (a,b)}.
     *
     * @param selector the selector
     * @return the text
     */
    public static String describe(LabelSelector selector) {
        if (selector == null) {
            return "(none)";
        }
        if (isEmpty(selector)) {
            return "{}";
        }
        StringJoiner j = new StringJoiner(",");
        if (selector.getMatchLabels() != null) {
            selector.getMatchLabels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> j.add(e.getKey() + "=" + e.getValue()));
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                j.add(r.getKey() + " " + r.getOperator()
                        + (r.getValues() == null || r.getValues().isEmpty() ? "" : " (" + String.join(",", r.getValues()) + ")"));
            }
        }
        return j.toString();
    }
}
