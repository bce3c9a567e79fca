package io.attune.recommendation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.infra.testing.EventContract;

/**
 * Builds an {@code attune.scoring.score-computed.v1} body the way scoring-service would, and checks it against
 * the schema in docs/events/ so that test data cannot drift from the contract.
 */
final class ScoreEvent {

    static final String SCORER_VERSION = "lexical-1.0.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode body = JSON.createObjectNode();
    private final ArrayNode dimensions;
    private final ObjectNode safety;

    private ScoreEvent(String clientId, String kind, String context) {
        String sourceEventId = UUID.randomUUID().toString();
        body.put("scoreId", UUID.nameUUIDFromBytes((sourceEventId + "|" + SCORER_VERSION)
                .getBytes(StandardCharsets.UTF_8)).toString());
        body.put("sourceEventId", sourceEventId);
        body.put("sourceId", UUID.randomUUID().toString());
        body.put("sourceRecordedAt", Instant.now().toString());
        body.put("clientId", clientId);
        body.put("kind", kind);
        body.put("context", context);
        body.put("locale", "en");
        overall(50);
        dimensions = body.putArray("dimensions");
        body.putArray("keyMoments");
        safety = body.putObject("safety");
        safety.put("level", "none");
        safety.putArray("categories");
        safety.putArray("evidence");
        body.put("scorerVersion", SCORER_VERSION);
        body.put("scoredAt", Instant.now().toString());
    }

    static ScoreEvent conversation(String clientId, String relationship) {
        return new ScoreEvent(clientId, "conversation", relationship);
    }

    static ScoreEvent journal(String clientId) {
        return new ScoreEvent(clientId, "journal", "self");
    }

    /** Ann's supervisor and "That sucks! Just forget it.": a closing comment and no acknowledgement. */
    static ScoreEvent misattunedConversation(String clientId) {
        return conversation(clientId, "partner").overall(28)
                .dimension("acknowledgement", 25, 0, "I hate him!", "feeling-not-acknowledged", -30)
                .dimension("mirroring", 20, 0, "I hate him!", "affect-not-mirrored", -30)
                .dimension("inquiry", 15, 1, "That sucks! Just forget it.", "no-question", -35)
                .dimension("exploration", 10, 1, "Just forget it.", "closing-comment", -40)
                .dimension("presence", 60)
                .dimension("listening-balance", 70, 1, "That sucks! Just forget it.", "other-talks-more", 5)
                .keyMoment(1, "closing-comment", -40);
    }

    /** A journal entry about scrolling the phone through dinner: focus is the weak dimension. */
    static ScoreEvent phoneAtDinnerJournal(String clientId) {
        return journal(clientId).overall(58)
                .dimension("emotional-awareness", 70, -1, "guilty", "feeling-named", 15)
                .dimension("trigger-insight", 60)
                .dimension("self-compassion", 65)
                .dimension("acceptance", 60)
                .dimension("mindfulness", 55)
                .dimension("focus", 20, -1, "kept scrolling my phone through dinner", "multitasking", -40);
    }

    /** Nothing weak: an attuned conversation that calls for no exercise. */
    static ScoreEvent attunedConversation(String clientId) {
        return conversation(clientId, "friend").overall(85)
                .dimension("acknowledgement", 90, 1, "That must have been tough", "validating-phrase", 25)
                .dimension("mirroring", 80).dimension("inquiry", 75).dimension("exploration", 85)
                .dimension("presence", 90).dimension("listening-balance", 80);
    }

    ScoreEvent overall(int score) {
        ObjectNode overall = body.putObject("overall");
        overall.put("score", score);
        overall.put("band", score >= 70 ? "attuned" : score >= 40 ? "partly-attuned" : "misattuned");
        return this;
    }

    ScoreEvent dimension(String name, int score) {
        ObjectNode dimension = dimensions.addObject();
        dimension.put("name", name);
        dimension.put("score", score);
        dimension.putArray("evidence");
        return this;
    }

    /** A dimension with one evidence span at the start of {@code turn} (-1 for journal text). */
    ScoreEvent dimension(String name, int score, int turn, String text, String signal, int effect) {
        dimension(name, score);
        evidence((ArrayNode) dimensions.get(dimensions.size() - 1).get("evidence"), turn, text, signal, effect);
        return this;
    }

    /** Adds an evidence span at {@code start} of {@code turn} to the named dimension, added before. */
    ScoreEvent span(String dimension, int turn, int start, String text, String signal, int effect) {
        for (var node : dimensions) {
            if (dimension.equals(node.get("name").asText())) {
                ObjectNode evidence = ((ArrayNode) node.get("evidence")).addObject();
                evidence.put("turn", turn);
                evidence.put("start", start);
                evidence.put("end", start + text.length());
                evidence.put("text", text);
                evidence.put("signal", signal);
                evidence.put("effect", effect);
                return this;
            }
        }
        throw new IllegalArgumentException("no dimension " + dimension);
    }

    ScoreEvent keyMoment(int turn, String signal, int impact) {
        ObjectNode moment = ((ArrayNode) body.get("keyMoments")).addObject();
        moment.put("turn", turn);
        moment.put("signal", signal);
        moment.put("impact", impact);
        return this;
    }

    ScoreEvent locale(String locale) {
        body.put("locale", locale);
        return this;
    }

    ScoreEvent sourceRecordedAt(Instant at) {
        body.put("sourceRecordedAt", at.toString());
        return this;
    }

    ScoreEvent scoredAt(Instant at) {
        body.put("scoredAt", at.toString());
        return this;
    }

    /** Crisis language found; the span is redacted as scoring-service does. */
    ScoreEvent crisis(String category) {
        return safety("crisis", category);
    }

    ScoreEvent concern(String category) {
        return safety("concern", category);
    }

    private ScoreEvent safety(String level, String category) {
        safety.put("level", level);
        safety.putArray("categories").add(category);
        // Severity as scoring-service reports it: 2 for a crisis span, 1 for a concern.
        evidence(safety.putArray("evidence"), -1, "[redacted]", category, "crisis".equals(level) ? 2 : 1);
        return this;
    }

    String scoreId() {
        return body.get("scoreId").asText();
    }

    String sourceId() {
        return body.get("sourceId").asText();
    }

    String clientId() {
        return body.get("clientId").asText();
    }

    /** The body, valid against attunement-score-computed.v1 (the assertion fails the test otherwise). */
    String json() {
        String json = body.toString();
        EventContract.assertValid(EventContract.ATTUNEMENT_SCORE_COMPUTED, json);
        return json;
    }

    private static void evidence(ArrayNode into, int turn, String text, String signal, int effect) {
        ObjectNode evidence = into.addObject();
        evidence.put("turn", turn);
        evidence.put("start", 0);
        evidence.put("end", text.length());
        evidence.put("text", text);
        evidence.put("signal", signal);
        evidence.put("effect", effect);
    }
}
