package io.github.policydsl.k8s.load;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.InputInfo;
import io.github.policydsl.api.result.LoadError;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.internal.yaml.YamlDocument;
import io.github.policydsl.k8s.internal.yaml.YamlTreeReader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Loads Kubernetes manifests (YAML or JSON, multi-document, {@code kind: List}) from files,
 * directories, strings and streams into typed fabric8 objects with source positions.
 *
 * <p>YAML is read as Kubernetes reads it (YAML 1.1 scalars: {@code hostNetwork: yes} is true,
 * {@code defaultMode: 0400} is 256). Values are typed strictly, as the API server does: a string
 * where a boolean belongs ({@code runAsNonRoot: "maybe"}, even {@code "true"}) is an error. Kinds
 * without a fabric8 model (CRDs) load as {@code GenericKubernetesResource}.
 *
 * <p>Loading fails closed: an unreadable file, malformed YAML, a document without
 * {@code apiVersion}/{@code kind}, a mistyped value, or input beyond the {@link LoaderLimits}
 * becomes a {@link LoadError} naming file and line, never an exception. Immutable and thread-safe.
 */
public final class ManifestLoader {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private final LoaderLimits limits;
    private final Set<String> onlyKinds;

    private ManifestLoader(LoaderLimits limits, Set<String> onlyKinds) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.onlyKinds = onlyKinds;
    }

    /** A loader with {@link LoaderLimits#defaults()}. */
    public static ManifestLoader defaults() {
        return new ManifestLoader(LoaderLimits.defaults(), null);
    }

    /**
     * A loader with other limits.
     *
     * @param newLimits the limits
     * @return a new loader
     */
    public ManifestLoader withLimits(LoaderLimits newLimits) {
        return new ManifestLoader(newLimits, onlyKinds);
    }

    /**
     * A loader that builds typed objects only for some kinds and skips the others silently (they
     * are still parsed, so syntax errors are still reported): for a first pass that collects, say,
     * ServiceAccounts and Namespaces cheaply. The {@code objects} count of each input is the
     * number of objects kept.
     *
     * @param kinds the kinds to keep, e.g. {@code ServiceAccount}
     * @return a new loader
     */
    public ManifestLoader onlyKinds(Set<String> kinds) {
        return new ManifestLoader(limits, Set.copyOf(kinds));
    }

    /**
     * Loads files and directories one file at a time, handing each file's manifests to a consumer
     * instead of keeping them: memory stays bounded by the largest file, whatever the number of
     * files. Files are visited in the order {@link #load(List)} uses; a path that cannot be listed
     * or read is handed over as manifests with a load error.
     *
     * @param paths files or directories
     * @param perFile receives the manifests of each file
     */
    public void forEachFile(List<Path> paths, Consumer<Manifests> perFile) {
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Manifests> errors = new ArrayList<>();
                List<Path> files = manifestFiles(p, errors);
                errors.forEach(perFile);
                for (Path f : files) {
                    perFile.accept(loadFile(f));
                }
            } else {
                perFile.accept(loadFile(p));
            }
        }
    }

    /** The limits in force. */
    public LoaderLimits limits() {
        return limits;
    }

    /**
     * Whether a file name looks like a manifest: {@code *.yaml}, {@code *.yml} or {@code *.json}.
     *
     * @param file the file
     * @return true for manifest extensions
     */
    public static boolean isManifestFile(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    /**
     * Loads files and directories; directories are searched recursively for manifest files, in
     * sorted order. File names in results are the paths as given, joined with the relative path
     * inside a directory.
     *
     * @param paths files or directories
     * @return the manifests, with an error for each path that cannot be read
     */
    public Manifests load(Path... paths) {
        return load(List.of(paths));
    }

    /**
     * Loads files and directories.
     *
     * @param paths files or directories
     * @return the manifests
     */
    public Manifests load(List<Path> paths) {
        List<Manifests> parts = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                for (Path f : manifestFiles(p, parts)) {
                    parts.add(loadFile(f));
                }
            } else {
                parts.add(loadFile(p));
            }
        }
        return Manifests.merge(parts);
    }

    private static List<Path> manifestFiles(Path dir, List<Manifests> errors) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(ManifestLoader::isManifestFile).sorted().toList();
        } catch (IOException | RuntimeException e) {
            errors.add(failure(dir.toString(), "cannot list directory: " + e.getMessage()));
            return List.of();
        }
    }

    private Manifests loadFile(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                return failure(name, "file is " + size + " bytes, larger than the limit of " + limits.maxFileBytes());
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return failure(name, "cannot read file: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return loadBytes(name, bytes);
    }

    /**
     * Loads a stream (read fully, up to the file size limit; not closed).
     *
     * @param name the name used in results
     * @param in the stream
     * @return the manifests
     */
    public Manifests load(String name, InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
        } catch (IOException e) {
            return failure(name, "cannot read stream: " + e.getMessage());
        }
        if (bytes.length > limits.maxFileBytes()) {
            return failure(name, "input is larger than the limit of " + limits.maxFileBytes() + " bytes");
        }
        return loadBytes(name, bytes);
    }

    private Manifests loadBytes(String name, byte[] bytes) {
        String text;
        if (isAscii(bytes)) {
            return loadString(name, new String(bytes, StandardCharsets.US_ASCII));
        }
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failure(name, "file is not valid UTF-8");
        }
        return loadString(name, text);
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Loads manifests from text.
     *
     * @param name the name used in results, e.g. a file name
     * @param text YAML or JSON, possibly with several documents
     * @return the manifests
     */
    public Manifests loadString(String name, String text) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<LoadedResource> resources = new ArrayList<>();
        List<LoadError> errors = new ArrayList<>();
        List<YamlDocument> docs;
        try {
            docs = new YamlTreeReader(limits).read(name, text);
        } catch (RuntimeException | StackOverflowError e) {
            errors.add(LoadError.inFile(name, 1, 1, "cannot parse: " + e.getClass().getSimpleName()));
            return Manifests.of(resources, errors, List.of(new InputInfo(name, "manifest", 0)));
        }
        for (YamlDocument doc : docs) {
            if (doc.failed()) {
                errors.add(LoadError.inFile(name, doc.problemLine(), doc.problemColumn(), doc.problem()));
                continue;
            }
            if (doc.root() == null || doc.root().isNull()) {
                continue;
            }
            SourceMap map = SourceMap.of(name, doc.positions(), doc.rootPosition());
            convertDocument(name, doc, map, resources, errors);
        }
        return Manifests.of(resources, errors, List.of(new InputInfo(name, "manifest", resources.size())));
    }

    private void convertDocument(String name, YamlDocument doc, SourceMap map, List<LoadedResource> out,
            List<LoadError> errors) {
        JsonNode root = doc.root();
        if (!(root instanceof ObjectNode obj)) {
            errors.add(error(map, FieldPath.root(), name, "document " + (doc.index() + 1)
                    + " is not a mapping but " + describe(root)));
            return;
        }
        String kind = textField(obj, "kind");
        JsonNode items = obj.get("items");
        if (kind != null && ("List".equals(kind) || (kind.endsWith("List") && items != null && items.isArray()))) {
            if (items == null || items.isNull()) {
                return;
            }
            if (!items.isArray()) {
                errors.add(error(map, FieldPath.root().child("items"), name, "items of a " + kind + " must be a list"));
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                convertObject(name, doc, map, FieldPath.root().child("items").index(i), items.get(i), out, errors);
            }
            return;
        }
        convertObject(name, doc, map, FieldPath.root(), obj, out, errors);
    }

    private void convertObject(String name, YamlDocument doc, SourceMap map, FieldPath base, JsonNode node,
            List<LoadedResource> out, List<LoadError> errors) {
        if (!(node instanceof ObjectNode obj)) {
            errors.add(error(map, base, name, "object at " + where(base) + " is not a mapping but " + describe(node)));
            return;
        }
        String apiVersion = textField(obj, "apiVersion");
        String kind = textField(obj, "kind");
        if (onlyKinds != null && !onlyKinds.contains(kind)) {
            return;
        }
        if (apiVersion == null || apiVersion.isEmpty() || kind == null || kind.isEmpty()) {
            String missing = (apiVersion == null || apiVersion.isEmpty()) && (kind == null || kind.isEmpty())
                    ? "apiVersion and kind" : apiVersion == null || apiVersion.isEmpty() ? "apiVersion" : "kind";
            errors.add(error(map, base, name, "object at " + where(base) + " has no " + missing
                    + " (both must be non-empty strings)"));
            return;
        }
        Object value;
        try {
            value = MAPPER.treeToValue(obj, KubernetesResource.class);
        } catch (JacksonException e) {
            FieldPath path = base.resolve(toPath(e));
            String field = path.equals(base) ? where(base) : path.toString();
            errors.add(new LoadError(map.locate(path), kind + " " + displayName(obj) + ": invalid value at "
                    + field + ": " + firstLine(e.getOriginalMessage()),
                    new SubjectRef(apiVersion, kind, nsOf(obj), nameOf(obj), ""), path.isRoot() ? path
                    : relativize(base, path)));
            return;
        } catch (RuntimeException e) {
            errors.add(error(map, base, name, kind + " " + displayName(obj) + ": cannot be read: " + e));
            return;
        }
        if (!(value instanceof HasMetadata hm)) {
            errors.add(error(map, base, name, kind + " " + displayName(obj) + " is not a Kubernetes object with metadata"));
            return;
        }
        out.add(new LoadedResource(hm, name, doc.index(), base, map));
    }

    private static FieldPath relativize(FieldPath base, FieldPath path) {
        FieldPath rel = FieldPath.root();
        for (int i = base.size(); i < path.size(); i++) {
            Object s = path.segment(i);
            rel = s instanceof Integer idx ? rel.index(idx) : rel.child((String) s);
        }
        return rel;
    }

    private static FieldPath toPath(JacksonException e) {
        FieldPath p = FieldPath.root();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                p = p.child(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                p = p.index(ref.getIndex());
            }
        }
        return p;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "wrong type";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.replace("`", "").replace("java.lang.", "");
    }

    private static String textField(ObjectNode obj, String field) {
        JsonNode n = obj.get(field);
        return n != null && n.isString() ? n.asString() : null;
    }

    private static String nameOf(ObjectNode obj) {
        JsonNode m = obj.get("metadata");
        JsonNode n = m == null ? null : m.get("name");
        return n != null && n.isString() ? n.asString() : "";
    }

    private static String nsOf(ObjectNode obj) {
        JsonNode m = obj.get("metadata");
        JsonNode n = m == null ? null : m.get("namespace");
        return n != null && n.isString() ? n.asString() : "";
    }

    private static String displayName(ObjectNode obj) {
        String ns = nsOf(obj);
        String n = nameOf(obj);
        return ns.isEmpty() ? (n.isEmpty() ? "(unnamed)" : n) : ns + "/" + n;
    }

    private static String where(FieldPath base) {
        return base.isRoot() ? "document root" : base.toString();
    }

    private static String describe(JsonNode n) {
        if (n.isArray()) {
            return "a list";
        }
        if (n.isString()) {
            return "the string \"" + abbreviate(n.asString()) + "\"";
        }
        return "the value " + abbreviate(n.toString());
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static LoadError error(SourceMap map, FieldPath path, String file, String message) {
        Location l = map.locate(path);
        return new LoadError(l, message, new SubjectRef("", "File", "", file, ""), path);
    }

    private static Manifests failure(String name, String message) {
        return Manifests.of(List.of(), List.of(LoadError.inFile(name, 0, 0, message)),
                List.of(new InputInfo(name, "manifest", 0)));
    }
}
