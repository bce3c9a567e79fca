package io.attune.infra.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The mutations of the fuzz suite: the input rules of docs/api.md ("Input rules"), each broken in one place of
 * an otherwise valid request. Sizes and positions are drawn from the seeded {@link Random}.
 */
public final class Mutations {

    /** The bodies limit of every service, {@code quarkus.http.limits.max-body-size}. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stands for a raw JSON fragment while the tree is written out. */
    private static final String SPLICE = "@@fuzz-splice@@";
    private static final String[] INVISIBLE = { " ", "\u00A0", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF",
            "\u3000", "\t", "\n", "\u2028" };
    private static final String[] CONTROLS = { "\u0000", "\u0001", "\u0007", "\u001B[2J", "\u007F", "\r", "\u0085" };
    private static final String[] BIDI = { "\u202E", "\u202D", "\u202A", "\u202B", "\u202C", "\u2066", "\u2067",
            "\u2068", "\u2069" };

    private Mutations() {
    }

    public static List<Mutation> all() {
        List<Mutation> all = new ArrayList<>();
        // --- the path ---
        all.add(path("bad percent-encoding in the path", Expect.status(400), r -> pick(r, "%zz", "%", "%4", "%G1", "a%")));
        all.add(path("invalid UTF-8 in the path", Expect.status(400), r -> pick(r, "%C3", "%FF", "%ED%A0%80", "%C0%AF")));
        all.add(path("matrix parameter in the path", Expect.status(400), r -> ";" + pick(r, "b", "x=1", "", "jsessionid=1")));
        all.add(path("encoded ';' in the path", Expect.status(400), r -> pick(r, "%3Bb", "%3b")));
        all.add(path("control character in the path", Expect.status(400), r -> pick(r, "%00", "%0A", "%1B", "%7F")));
        all.add(path("character outside RFC 3986 in the path", Expect.status(400), r -> pick(r, "a|b", "a^b", "a\\b",
                "a{b}", "a\"b")));
        all.add(new Mutation("path longer than 8 KB", Expect.status(414), op -> true, (r, op) -> {
            String id = "a".repeat(8_200 + r.nextInt(50_000));
            return request(op, op.parameters().isEmpty() ? op.path() + "/" + id : op.path(first(op), id), op.body());
        }));
        // --- headers ---
        all.add(new Mutation("header fields over 16 KB", Expect.status(431), op -> true, (r, op) -> {
            RawRequest valid = request(op, op.path(), op.body());
            List<Map.Entry<String, String>> headers = new ArrayList<>(valid.headers());
            headers.add(Map.entry("X-Fuzz", "h".repeat(16_500 + r.nextInt(48_000))));
            return new RawRequest(valid.method(), valid.target(), headers, valid.body(), false);
        }));
        all.add(header("empty Idempotency-Key", Expect.status(400), r -> List.of(Map.entry("Idempotency-Key", ""))));
        all.add(header("repeated Idempotency-Key", Expect.status(400), r -> List.of(
                Map.entry("Idempotency-Key", "key-" + r.nextInt(1000)), Map.entry("Idempotency-Key", "key-b"))));
        all.add(header("Idempotency-Key with a space or non-ASCII", Expect.status(400), r -> List.of(
                Map.entry("Idempotency-Key", pick(r, "a b", "clé", "k".repeat(129))))));
        // --- the query ---
        all.add(query("repeated query parameter", Expect.status(400), op -> true,
                r -> pick(r, "limit=1&limit=abc", "limit=5&limit=5", "x=1&x=2", "cursor=a&cursor=b")));
        all.add(query("bad percent-encoding in the query", Expect.status(400), op -> true,
                r -> pick(r, "limit=%zz", "x=%", "%C3=1", "cursor=%FF")));
        all.add(query("limit not in ASCII digits", Expect.status(400), Operation::paged,
                r -> "limit=" + pick(r, "%2B5", "%D9%A5", "%EF%BC%95", "-1", "1e1", "0x10", "5.0", "", "%205")));
        all.add(query("limit out of range", Expect.status(400), Operation::paged,
                r -> "limit=" + pick(r, "0", "101", "0000", "99999999999")));
        all.add(query("cursor not issued by the service", Expect.status(400), Operation::paged, Mutations::forgedCursor));
        // --- the body ---
        all.add(body("JSON nested too deep", Expect.status(400), (r, tree) -> splice(r, tree,
                nested(33 + r.nextInt(3_000)))));
        all.add(body("number of 100,000 digits", Expect.status(400), (r, tree) -> splice(r, tree,
                "9".repeat(33 + r.nextInt(100_000)))));
        all.add(body("duplicate key", Expect.status(400), Mutations::duplicateKey));
        all.add(body("value of the wrong JSON type", Expect.status(400), Mutations::wrongType));
        all.add(text("text with a control character", (r, text) -> text + pick(r, CONTROLS) + text));
        all.add(text("text of invisible characters only", (r, text) -> invisible(r)));
        all.add(new Mutation("bidirectional override in catalog text", Expect.status(400),
                op -> hasText(op) && op.catalog(), (r, op) -> request(op, op.path(),
                        replaceText(r, read(op.body()), text -> pick(r, BIDI) + text))));
        all.add(body("broken JSON", Expect.status(400), (r, tree) -> {
            String valid = write(tree);
            return switch (r.nextInt(4)) {
                case 0 -> valid.substring(0, 1 + r.nextInt(valid.length() - 1));
                case 1 -> valid + pick(r, "}", "]", "{}", "x");
                case 2 -> valid.replace("\"", "'");
                default -> "{" + pick(r, ",", ":", "]", "\\") + valid.substring(1);
            };
        }));
        all.add(new Mutation("random bytes as the body", Expect.REFUSED, op -> op.body() != null, (r, op) -> {
            byte[] bytes = new byte[1 + r.nextInt(4_000)];
            r.nextBytes(bytes);
            return new RawRequest(op.endpoint().method(), op.path(), headers(op, "application/json"), bytes, false);
        }));
        all.add(new Mutation("body over 256 KB with Content-Length", Expect.status(413), op -> op.body() != null,
                (r, op) -> oversized(r, op, false)));
        all.add(new Mutation("chunked body over 256 KB", Expect.status(413), op -> op.body() != null,
                (r, op) -> oversized(r, op, true)));
        all.add(new Mutation("body without Content-Type", Expect.status(415), op -> op.body() != null,
                (r, op) -> new RawRequest(op.endpoint().method(), op.path(), headers(op, null),
                        op.body().getBytes(StandardCharsets.UTF_8), r.nextBoolean())));
        all.add(new Mutation("body of another media type", Expect.status(415), op -> op.body() != null,
                (r, op) -> new RawRequest(op.endpoint().method(), op.path(),
                        headers(op, pick(r, "text/plain", "application/xml", "application/x-www-form-urlencoded")),
                        op.body().getBytes(StandardCharsets.UTF_8), false)));
        return List.copyOf(all);
    }

    // --- builders ---

    private static Mutation path(String name, Expect expect, Function<Random, String> piece) {
        return new Mutation(name, expect, op -> true, (r, op) -> {
            String bad = piece.apply(r);
            String parameter = op.parameters().isEmpty() ? null : first(op, r);
            String path = parameter == null ? op.path() + "/x" + bad
                    : op.path(parameter, op.parameters().get(parameter) + bad);
            return request(op, path, op.body());
        });
    }

    private static Mutation header(String name, Expect expect, Function<Random, List<Map.Entry<String, String>>> extra) {
        return new Mutation(name, expect, op -> true, (r, op) -> {
            RawRequest valid = request(op, op.path(), op.body());
            List<Map.Entry<String, String>> headers = new ArrayList<>(valid.headers());
            headers.addAll(extra.apply(r));
            return new RawRequest(valid.method(), valid.target(), headers, valid.body(), false);
        });
    }

    private static Mutation query(String name, Expect expect, java.util.function.Predicate<Operation> appliesTo,
            Function<Random, String> query) {
        return new Mutation(name, expect, appliesTo, (r, op) -> request(op, op.path() + "?" + query.apply(r), op.body()));
    }

    private static Mutation body(String name, Expect expect, java.util.function.BiFunction<Random, JsonNode, String> make) {
        return new Mutation(name, expect, op -> op.body() != null,
                (r, op) -> request(op, op.path(), make.apply(r, read(op.body()))));
    }

    /** A mutation of one text field, for operations whose body has one. */
    private static Mutation text(String name, java.util.function.BiFunction<Random, String, String> change) {
        return new Mutation(name, Expect.status(400), Mutations::hasText,
                (r, op) -> request(op, op.path(), replaceText(r, read(op.body()), text -> change.apply(r, text))));
    }

    private static boolean hasText(Operation op) {
        return op.body() != null && leaves(read(op.body())).stream().anyMatch(leaf -> leaf.value().isTextual());
    }

    static RawRequest request(Operation op, String target, String body) {
        return new RawRequest(op.endpoint().method(), target, headers(op, body == null ? null : "application/json"),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), false);
    }

    private static List<Map.Entry<String, String>> headers(Operation op, String contentType) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Authorization", "Bearer " + op.token()));
        headers.add(Map.entry("Accept", "application/json"));
        if (contentType != null) {
            headers.add(Map.entry("Content-Type", contentType));
        }
        return headers;
    }

    // --- body mutations ---

    private static RawRequest oversized(Random r, Operation op, boolean chunked) {
        String padding = "o".repeat(MAX_BODY_BYTES + 1 + r.nextInt(64 * 1024));
        JsonNode tree = read(op.body());
        // Refused for its size before it is read, so what the padding is does not matter.
        String body = hasText(op) ? replaceText(r, tree, text -> padding)
                : write(((ObjectNode) tree).put("padding", padding));
        return new RawRequest(op.endpoint().method(), op.path(), headers(op, "application/json"),
                body.getBytes(StandardCharsets.UTF_8), chunked);
    }

    /** A random leaf (or the whole body, when it has none) replaced by a raw fragment. */
    private static String splice(Random r, JsonNode tree, String fragment) {
        List<Leaf> leaves = leaves(tree);
        if (leaves.isEmpty()) {
            return fragment;
        }
        leaves.get(r.nextInt(leaves.size())).set(TextNode.valueOf(SPLICE));
        return write(tree).replace("\"" + SPLICE + "\"", fragment);
    }

    private static String duplicateKey(Random r, JsonNode tree) {
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(tree, objects);
        ObjectNode object = objects.get(r.nextInt(objects.size()));
        String name = object.fieldNames().next();
        JsonNode value = object.get(name);
        object.set(name, TextNode.valueOf(SPLICE));
        // The duplicate comes second, so the first value would win with a lenient parser: both orders must fail.
        return write(tree).replace("\"" + SPLICE + "\"", write(value) + ",\"" + name + "\":" + write(value));
    }

    private static String wrongType(Random r, JsonNode tree) {
        List<Leaf> leaves = leaves(tree);
        Leaf leaf = leaves.get(r.nextInt(leaves.size()));
        JsonNode value = leaf.value();
        String wrong;
        if (value.isTextual()) {
            wrong = pick(r, "123", "true", "1.5", "{}", "[\"" + value.asText() + "\"]", String.valueOf(r.nextInt(2_000_000_000)));
        } else if (value.isIntegralNumber()) {
            wrong = pick(r, "\"" + value.asText() + "\"", value.asText() + ".5", value.asText() + ".0", "true", "1e1",
                    "[" + value.asText() + "]", "99999999999");
        } else if (value.isBoolean()) {
            wrong = pick(r, "1", "0", "\"" + value.asText() + "\"", "\"yes\"");
        } else {
            wrong = pick(r, "\"x\"", "7", "false");
        }
        leaf.set(TextNode.valueOf(SPLICE));
        return write(tree).replace("\"" + SPLICE + "\"", wrong);
    }

    private static String replaceText(Random r, JsonNode tree, Function<String, String> change) {
        List<Leaf> texts = leaves(tree).stream().filter(leaf -> leaf.value().isTextual()).toList();
        if (texts.isEmpty()) {
            throw new IllegalStateException("the valid body has no text field to mutate: " + write(tree));
        }
        Leaf leaf = texts.get(r.nextInt(texts.size()));
        leaf.set(TextNode.valueOf(change.apply(leaf.value().asText())));
        return write(tree);
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String invisible(Random r) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
            text.append(pick(r, INVISIBLE));
        }
        return text.toString();
    }

    /** An edited copy of nothing the service issued: the service must refuse it, not return some page. */
    private static String forgedCursor(Random r) {
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                (System.currentTimeMillis() - r.nextInt(1_000_000) + ":fuzz-" + r.nextInt(1000))
                        .getBytes(StandardCharsets.UTF_8));
        return "cursor=" + switch (r.nextInt(3)) {
            case 0 -> payload;
            case 1 -> payload + ".AAAAAAAAAAAAAAAAAAAAAA";
            default -> payload + "." + payload;
        };
    }

    // --- JSON tree helpers ---

    /** A scalar (or empty container) inside the body, and how to replace it. */
    private record Leaf(ContainerNode<?> parent, String field, int index, JsonNode value) {

        void set(JsonNode replacement) {
            if (parent instanceof ObjectNode object) {
                object.set(field, replacement);
            } else {
                ((ArrayNode) parent).set(index, replacement);
            }
        }
    }

    private static List<Leaf> leaves(JsonNode tree) {
        List<Leaf> leaves = new ArrayList<>();
        collectLeaves(tree, leaves);
        return leaves;
    }

    private static void collectLeaves(JsonNode node, List<Leaf> leaves) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isContainerNode() && !field.getValue().isEmpty()) {
                    collectLeaves(field.getValue(), leaves);
                } else {
                    leaves.add(new Leaf(object, field.getKey(), -1, field.getValue()));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isContainerNode() && !array.get(i).isEmpty()) {
                    collectLeaves(array.get(i), leaves);
                } else {
                    leaves.add(new Leaf(array, null, i, array.get(i)));
                }
            }
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object && !object.isEmpty()) {
            objects.add(object);
        }
        node.forEach(child -> collectObjects(child, objects));
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the valid body of an operation must be JSON: " + json, e);
        }
    }

    private static String write(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String first(Operation op) {
        return op.parameters().keySet().iterator().next();
    }

    private static String first(Operation op, Random r) {
        List<String> names = new ArrayList<>(op.parameters().keySet());
        return names.get(r.nextInt(names.size()));
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }
}
