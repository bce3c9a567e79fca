package io.attune.chassis.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Client words in an event, sealed field by field with the client's {@link DataKey}. A sealed field replaces the
 * string in place by
 *
 * <pre>{"alg":"A256GCM","kid":"&lt;data key id&gt;","iv":"&lt;base64url 96-bit nonce&gt;","ct":"&lt;base64url ciphertext and tag&gt;"}</pre>
 *
 * The associated data is the client id, the key id and the field's JSON pointer ({@code /turns/1/text}), so a
 * sealed value moved to another field, another event's client or another key does not open. Everything else in
 * the event (ids, scores, signal names) stays readable, so events are still routed, deduplicated and inspected
 * without the key. Consumers open the fields on the JSON tree before mapping it, so their records are unchanged.
 */
public final class SealedFields {

    public static final String ALG = "A256GCM";
    private static final Set<String> MEMBERS = Set.of("alg", "kid", "iv", "ct");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    private SealedFields() {
    }

    /** The fields whose last pointer segment is one of {@code names}, at any depth: {@code text} in evidence spans. */
    public static Predicate<String> named(String... names) {
        Set<String> set = Set.of(names);
        return pointer -> set.contains(pointer.substring(pointer.lastIndexOf('/') + 1));
    }

    /** Whether {@code node} is a sealed field. */
    public static boolean isSealed(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != MEMBERS.size()) {
            return false;
        }
        for (String member : MEMBERS) {
            if (!node.path(member).isTextual()) {
                return false;
            }
        }
        return ALG.equals(node.get("alg").asText());
    }

    /** Seals one string: the value that replaces it at {@code pointer}. */
    public static ObjectNode seal(DataKey key, String pointer, String plaintext) {
        byte[] nonce = Aead.nonce();
        byte[] ct = Aead.seal(key.key(), nonce, plaintext.getBytes(StandardCharsets.UTF_8),
                associatedData(key, pointer));
        ObjectNode sealed = JsonNodeFactory.instance.objectNode();
        sealed.put("alg", ALG);
        sealed.put("kid", key.kid());
        sealed.put("iv", B64.encodeToString(nonce));
        sealed.put("ct", B64.encodeToString(ct));
        return sealed;
    }

    /** @throws UnreadableException unless {@code sealed} is a field sealed at {@code pointer} with {@code key} */
    public static String open(DataKey key, String pointer, JsonNode sealed) {
        if (!isSealed(sealed)) {
            throw new UnreadableException("not a sealed field: " + pointer);
        }
        if (!key.kid().equals(sealed.get("kid").asText())) {
            throw new UnreadableException("sealed with another key: " + pointer);
        }
        try {
            byte[] plain = Aead.open(key.key(), B64_DECODER.decode(sealed.get("iv").asText()),
                    B64_DECODER.decode(sealed.get("ct").asText()), associatedData(key, pointer));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnreadableException("not base64url: " + pointer);
        }
    }

    /**
     * Seals, in place, every string member of {@code event} whose JSON pointer {@code words} accepts.
     *
     * @return how many fields were sealed
     */
    public static int sealAll(JsonNode event, DataKey key, Predicate<String> words) {
        return walk(event, "", (parent, name, pointer, value) -> {
            if (value.isTextual() && words.test(pointer)) {
                replace(parent, name, seal(key, pointer, value.asText()));
                return 1;
            }
            return 0;
        });
    }

    /**
     * Opens, in place, every sealed field of {@code event}.
     *
     * @return how many fields were opened
     * @throws UnreadableException when one does not open with {@code key}
     */
    public static int openAll(JsonNode event, DataKey key) {
        return walk(event, "", (parent, name, pointer, value) -> {
            if (isSealed(value)) {
                replace(parent, name, JsonNodeFactory.instance.textNode(open(key, pointer, value)));
                return 1;
            }
            return 0;
        });
    }

    /** The key id of the event's sealed fields; empty when it carries none (no words, or words in the clear). */
    public static Optional<String> kid(JsonNode event) {
        String[] found = new String[1];
        walk(event, "", (parent, name, pointer, value) -> {
            if (found[0] == null && isSealed(value)) {
                found[0] = value.get("kid").asText();
                return 1;
            }
            return 0;
        });
        return Optional.ofNullable(found[0]);
    }

    private static String associatedData(DataKey key, String pointer) {
        return Aead.associatedData("field", key.clientId(), key.kid(), pointer);
    }

    @FunctionalInterface
    private interface Visitor {
        /** Returns how many fields it changed; a changed or sealed node is not descended into. */
        int visit(JsonNode parent, Object name, String pointer, JsonNode value);
    }

    private static int walk(JsonNode node, String pointer, Visitor visitor) {
        int changed = 0;
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            // Collected first: the visitor may replace the member it is visiting.
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
            fields.forEachRemaining(members::add);
            for (Map.Entry<String, JsonNode> member : members) {
                changed += child(node, member.getKey(), pointer + "/" + escape(member.getKey()), member.getValue(),
                        visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                changed += child(node, i, pointer + "/" + i, node.get(i), visitor);
            }
        }
        return changed;
    }

    private static int child(JsonNode parent, Object name, String pointer, JsonNode value, Visitor visitor) {
        int here = visitor.visit(parent, name, pointer, value);
        if (here > 0 || isSealed(value)) {
            return here;
        }
        return walk(value, pointer, visitor);
    }

    private static void replace(JsonNode parent, Object name, JsonNode value) {
        if (parent instanceof ObjectNode object) {
            object.set((String) name, value);
        } else {
            ((ArrayNode) parent).set((Integer) name, value);
        }
    }

    /** RFC 6901 escaping of a member name. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
