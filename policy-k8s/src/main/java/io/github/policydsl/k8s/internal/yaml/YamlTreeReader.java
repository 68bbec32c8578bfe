package io.github.policydsl.k8s.internal.yaml;

import io.github.policydsl.k8s.load.LoaderLimits;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a YAML (or JSON) stream into Jackson trees with the position of every node, in one pass
 * over snakeyaml-engine's event stream. Scalars resolve as YAML 1.1 ({@link Yaml11}); anchors,
 * aliases and {@code <<} merge keys are supported with explicit limits on nesting, alias count and
 * expanded size; duplicate keys are errors, as in Kubernetes. A syntax error ends the stream: the
 * documents before it are kept and the broken one carries the problem. Not thread-safe: create one
 * per file (cheap).
 */
public final class YamlTreeReader {

    private static final JsonNodeFactory NF = JsonNodeFactory.instance;
    private static final String TAG_PREFIX = "tag:yaml.org,2002:";

    private final LoaderLimits limits;
    /**
     * One instance per distinct mapping key, shared by the position trees of all documents read.
     * Short keys are the JVM's canonical instances, the same as the string literals of field
     * paths in code, so that a source-map lookup matches them by identity.
     */
    private final Map<String, String> keys = new HashMap<>();

    /**
     * Creates a reader.
     *
     * @param limits the limits to enforce
     */
    public YamlTreeReader(LoaderLimits limits) {
        this.limits = limits;
    }

    /**
     * Reads all documents of a text.
     *
     * @param name the file name, for messages
     * @param text the content
     * @return the documents in order, the last possibly failed
     */
    public List<YamlDocument> read(String name, String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(name)
                .setUseMarks(true)
                .setCodePointLimit(Math.max(limits.maxDocumentCodePoints(), 1))
                .setMaxAliasesForCollections(Math.max(limits.maxAliases(), 1))
                .build();
        List<YamlDocument> docs = new ArrayList<>();
        DocBuilder current = null;
        Iterator<Event> events = new ParserImpl(settings, new StreamReader(settings, text));
        try {
            while (events.hasNext()) {
                Event e = events.next();
                switch (e.getEventId()) {
                    case DocumentStart -> current = new DocBuilder(docs.size(), e);
                    case DocumentEnd -> {
                        if (current != null) {
                            docs.add(current.finish());
                            current = null;
                        }
                    }
                    case StreamStart, StreamEnd, Comment -> {
                        // nothing to build
                    }
                    default -> {
                        if (current == null) {
                            throw new DocProblem("content outside a document", e.getStartMark());
                        }
                        current.accept(e);
                    }
                }
            }
        } catch (DocProblem p) {
            docs.add(failed(docs.size(), p.getMessage(), p.mark));
        } catch (MarkedYamlEngineException ex) {
            Optional<Mark> mark = ex.getProblemMark().isPresent() ? ex.getProblemMark() : ex.getContextMark();
            String problem = ex.getProblem() != null ? ex.getProblem() : ex.getMessage();
            if (ex.getContext() != null && !ex.getContext().isBlank()) {
                problem = ex.getContext() + ": " + problem;
            }
            docs.add(failed(docs.size(), "invalid YAML: " + problem.replace('\n', ' '), mark));
        } catch (YamlEngineException ex) {
            Optional<Mark> mark = current == null ? Optional.empty() : Optional.ofNullable(current.lastMark);
            docs.add(failed(docs.size(), "invalid YAML: " + String.valueOf(ex.getMessage()).replace('\n', ' '), mark));
        }
        return docs;
    }

    private static YamlDocument failed(int index, String message, Optional<Mark> mark) {
        int line = mark.map(m -> m.getLine() + 1).orElse(1);
        int col = mark.map(m -> m.getColumn() + 1).orElse(1);
        return new YamlDocument(index, null, PositionTree.EMPTY, pos(line, col), message, line, col);
    }

    private static long pos(int line, int column) {
        return ((long) line << 32) | (column & 0xffffffffL);
    }

    private static long pos(Optional<Mark> mark) {
        return mark.map(m -> pos(m.getLine() + 1, m.getColumn() + 1)).orElse(0L);
    }

    /** A problem in one document, with where it is. */
    private static final class DocProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Optional<Mark> mark;

        DocProblem(String message, Optional<Mark> mark) {
            super(message, null, false, false);
            this.mark = mark;
        }
    }

    /** An anchored node and how many nodes it stands for when expanded. */
    private record Anchored(JsonNode node, long size) {
    }

    /** An open mapping or sequence. */
    private static final class Frame {
        final JsonNode node;
        final int tree;
        final Anchor anchor;
        final long position;
        long size = 1;
        int index;
        String pendingKey;
        long pendingKeyPosition;
        boolean pendingMerge;
        boolean mergeList;
        Frame mergeOwner;
        List<ObjectNode> merges;

        Frame(JsonNode node, int tree, Anchor anchor, long position) {
            this.node = node;
            this.tree = tree;
            this.anchor = anchor;
            this.position = position;
        }

        boolean isMap() {
            return node instanceof ObjectNode;
        }
    }

    /** Builds one document from its events. */
    private final class DocBuilder {
        private final int index;
        private final PositionTree positions = new PositionTree(256);
        private final Map<String, Anchored> anchors = new HashMap<>();
        private final ArrayDeque<Frame> stack = new ArrayDeque<>();
        private JsonNode root;
        private long rootPosition;
        private long nodes;
        private int aliases;
        private Mark lastMark;

        DocBuilder(int index, Event start) {
            this.index = index;
            this.rootPosition = pos(start.getEndMark());
        }

        void accept(Event e) {
            e.getStartMark().ifPresent(m -> lastMark = m);
            switch (e.getEventId()) {
                case Scalar -> scalar((ScalarEvent) e);
                case Alias -> alias((AliasEvent) e);
                case MappingStart -> open((CollectionStartEvent) e, NF.objectNode());
                case SequenceStart -> open((CollectionStartEvent) e, NF.arrayNode());
                case MappingEnd, SequenceEnd -> close();
                default -> throw new DocProblem("unexpected YAML event " + e.getEventId(), e.getStartMark());
            }
        }

        YamlDocument finish() {
            return new YamlDocument(index, root, positions.trim(), rootPosition == 0 ? pos(1, 1) : rootPosition, null, 0,
                    0);
        }

        private void count(long n, Optional<Mark> mark) {
            nodes += n;
            if (nodes > limits.maxNodes()) {
                throw new DocProblem("document expands to more than " + limits.maxNodes()
                        + " nodes (alias or merge-key expansion limit)", mark);
            }
        }

        private void scalar(ScalarEvent e) {
            Frame top = stack.peek();
            if (top != null && top.isMap() && top.pendingKey == null && !top.pendingMerge) {
                key(top, e);
                return;
            }
            JsonNode value = resolve(e);
            count(1, e.getStartMark());
            place(value, 1, e.getAnchor().orElse(null), e.getStartMark());
        }

        private void key(Frame map, ScalarEvent e) {
            JsonNode k = resolve(e);
            if (!k.isValueNode()) {
                throw new DocProblem("mapping keys must be scalars", e.getStartMark());
            }
            String key = keys.computeIfAbsent(Yaml11.keyText(k), x -> x.length() <= 64 ? x.intern() : x);
            if (e.isPlain() && "<<".equals(e.getValue()) && e.getTag().isEmpty()) {
                map.pendingMerge = true;
                return;
            }
            if (((ObjectNode) map.node).has(key)) {
                throw new DocProblem("duplicate key \"" + key + "\" in mapping", e.getStartMark());
            }
            map.pendingKey = key;
            map.pendingKeyPosition = pos(e.getStartMark());
        }

        private JsonNode resolve(ScalarEvent e) {
            String v = e.getValue();
            Optional<String> tag = e.getTag();
            if (tag.isPresent() && !"!".equals(tag.get())) {
                String t = tag.get();
                if (t.startsWith(TAG_PREFIX)) {
                    t = t.substring(TAG_PREFIX.length());
                } else if (t.startsWith("!!")) {
                    t = t.substring(2);
                }
                switch (t) {
                    case "str":
                        return NF.stringNode(v);
                    case "null":
                        return NF.nullNode();
                    case "bool", "int", "float": {
                        JsonNode n = Yaml11.resolvePlain(v);
                        boolean ok = "bool".equals(t) ? n.isBoolean() : "int".equals(t) ? n.isIntegralNumber() : n.isNumber();
                        if (!ok) {
                            throw new DocProblem("value \"" + v + "\" is not a valid !!" + t, e.getStartMark());
                        }
                        return "float".equals(t) ? NF.numberNode(n.asDouble()) : n;
                    }
                    default:
                        return NF.stringNode(v);
                }
            }
            if (e.isPlain() && tag.isEmpty()) {
                return Yaml11.resolvePlain(v);
            }
            return NF.stringNode(v);
        }

        private void alias(AliasEvent e) {
            aliases++;
            if (aliases > limits.maxAliases()) {
                throw new DocProblem("more than " + limits.maxAliases() + " aliases in one document", e.getStartMark());
            }
            Anchor a = e.getAlias();
            Anchored target = anchors.get(a.getValue());
            if (target == null) {
                throw new DocProblem("alias *" + a.getValue() + " refers to an undefined or enclosing anchor",
                        e.getStartMark());
            }
            Frame top = stack.peek();
            if (top != null && top.isMap() && top.pendingKey == null && !top.pendingMerge) {
                throw new DocProblem("aliases cannot be used as mapping keys", e.getStartMark());
            }
            count(target.size(), e.getStartMark());
            place(target.node(), target.size(), null, e.getStartMark());
        }

        private void open(CollectionStartEvent e, JsonNode node) {
            if (stack.size() >= limits.maxDepth()) {
                throw new DocProblem("nesting deeper than " + limits.maxDepth() + " levels", e.getStartMark());
            }
            Frame parent = stack.peek();
            if (parent != null && parent.isMap() && parent.pendingKey == null && !parent.pendingMerge) {
                throw new DocProblem("complex (non-scalar) mapping keys are not supported", e.getStartMark());
            }
            count(1, e.getStartMark());
            int treeNode;
            long position = pos(e.getStartMark());
            if (parent == null) {
                treeNode = 0;
            } else if (parent.pendingMerge) {
                treeNode = parent.tree;
            } else if (parent.isMap()) {
                position = parent.pendingKeyPosition;
                treeNode = positions.add(parent.tree, parent.pendingKey, position);
            } else {
                treeNode = positions.add(parent.tree, null, position);
            }
            Frame f = new Frame(node, treeNode, ((NodeEvent) e).getAnchor().orElse(null), position);
            if (parent != null && parent.pendingMerge) {
                f.mergeOwner = parent;
                if (node instanceof ArrayNode) {
                    f.mergeList = true;
                }
            } else if (parent != null && parent.mergeList) {
                f.mergeOwner = parent.mergeOwner;
            }
            stack.push(f);
        }

        private void close() {
            Frame f = stack.pop();
            if (f.merges != null) {
                ObjectNode target = (ObjectNode) f.node;
                for (ObjectNode source : f.merges) {
                    for (Map.Entry<String, JsonNode> entry : source.properties()) {
                        if (!target.has(entry.getKey())) {
                            target.set(entry.getKey(), entry.getValue());
                        }
                    }
                }
            }
            if (f.mergeList) {
                Frame owner = f.mergeOwner;
                owner.pendingMerge = false;
                if (f.anchor != null) {
                    anchors.put(f.anchor.getValue(), new Anchored(f.node, f.size));
                }
                return;
            }
            place(f.node, f.size, f.anchor, Optional.empty(), f);
        }

        private void place(JsonNode value, long size, Anchor anchor, Optional<Mark> mark) {
            place(value, size, anchor, mark, null);
        }

        private void place(JsonNode value, long size, Anchor anchor, Optional<Mark> mark, Frame closed) {
            if (anchor != null) {
                anchors.put(anchor.getValue(), new Anchored(value, size));
            }
            Frame parent = stack.peek();
            if (parent == null) {
                root = value;
                rootPosition = closed != null ? closed.position : pos(mark);
                return;
            }
            parent.size += size;
            if (parent.mergeList) {
                addMerge(parent.mergeOwner, value, mark);
                return;
            }
            if (parent.pendingMerge) {
                addMerge(parent, value, mark);
                parent.pendingMerge = false;
                return;
            }
            if (parent.isMap()) {
                String key = parent.pendingKey;
                ((ObjectNode) parent.node).set(key, value);
                if (closed == null) {
                    positions.add(parent.tree, key, parent.pendingKeyPosition);
                }
                parent.pendingKey = null;
            } else {
                parent.index++;
                ((ArrayNode) parent.node).add(value);
                if (closed == null) {
                    positions.add(parent.tree, null, pos(mark));
                }
            }
        }

        private void addMerge(Frame owner, JsonNode value, Optional<Mark> mark) {
            if (!(value instanceof ObjectNode)) {
                throw new DocProblem("a merge key (<<) needs a mapping or a list of mappings", mark);
            }
            if (owner.merges == null) {
                owner.merges = new ArrayList<>();
            }
            owner.merges.add((ObjectNode) value);
        }
    }

}
