package io.attune.scoring.engine.calibration;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.attune.scoring.engine.AttunementAnalyzer;
import io.attune.scoring.engine.ConversationSample;
import io.attune.scoring.engine.JournalEntry;
import io.attune.scoring.engine.Turn;

/**
 * Reads a JSONL label file: one conversation or journal entry per line with its {@code labels}. Blank lines are
 * skipped and unknown fields ignored (an organisation may keep its own ids there). Every problem is reported with
 * its line number and field, never as a stack trace.
 */
public final class LabelFile {
    /** Errors reported before giving up: enough to fix a batch, not a wall of text. */
    static final int MAX_ERRORS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The samples and the SHA-256 of the file's bytes, which names the model trained on it. */
    public record Contents(List<LabelledSample> samples, String sha256, int lines) {
    }

    /** One problem: line (1-based), field (dotted path, or empty for the whole line) and what is wrong. */
    public record Problem(int line, String field, String message) {
        @Override
        public String toString() {
            return "line " + line + (field.isEmpty() ? "" : ", field " + field) + ": " + message;
        }
    }

    public static final class InvalidLabelFileException extends Exception {
        private final transient List<Problem> problems;

        InvalidLabelFileException(Path file, List<Problem> problems) {
            super(file + ": " + problems.size() + (problems.size() >= MAX_ERRORS ? "+" : "") + " problem(s)");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private LabelFile() {
    }

    public static Contents read(Path file) throws IOException, InvalidLabelFileException {
        byte[] bytes = Files.readAllBytes(file);
        List<Problem> problems = new ArrayList<>();
        List<LabelledSample> samples = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader reader = new BufferedReader(
                new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            String line;
            while ((line = reader.readLine()) != null && problems.size() < MAX_ERRORS) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                LabelledSample sample = parse(lineNo, line, problems);
                if (sample != null) {
                    samples.add(sample);
                }
            }
        }
        if (problems.isEmpty() && samples.isEmpty()) {
            problems.add(new Problem(Math.max(lineNo, 1), "", "the file has no samples"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidLabelFileException(file, problems);
        }
        return new Contents(List.copyOf(samples), sha256(bytes), lineNo);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Parses one line; on a problem records it and returns null. */
    static LabelledSample parse(int lineNo, String line, List<Problem> problems) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            problems.add(new Problem(lineNo, "", "not valid JSON (" + e.getOriginalMessage() + ")"));
            return null;
        }
        if (node == null || !node.isObject()) {
            problems.add(new Problem(lineNo, "", "must be a JSON object"));
            return null;
        }
        int before = problems.size();
        String kind = string(node, "kind", lineNo, problems);
        if (kind == null) {
            return null;
        }
        List<String> dimensions = AttunementAnalyzer.dimensionNames(kind);
        if (dimensions == null) {
            problems.add(new Problem(lineNo, "kind", "must be conversation or journal, was \"" + kind + "\""));
            return null;
        }
        ConversationSample conversation = null;
        JournalEntry journal = null;
        if (kind.equals("conversation")) {
            conversation = conversation(node, lineNo, problems);
        } else {
            String text = string(node, "text", lineNo, problems);
            journal = text == null ? null : new JournalEntry(text, List.of(), "self", "en");
        }
        Map<String, Integer> labels = labels(node, kind, dimensions, lineNo, problems);
        if (problems.size() > before) {
            return null;
        }
        return new LabelledSample(lineNo, kind, conversation, journal, labels);
    }

    private static ConversationSample conversation(JsonNode node, int lineNo, List<Problem> problems) {
        String relationship = null;
        JsonNode rel = node.get("relationship");
        if (rel != null && !rel.isNull()) {
            if (!rel.isTextual()) {
                problems.add(new Problem(lineNo, "relationship", "must be a string"));
            } else {
                relationship = rel.asText();
            }
        }
        String client = string(node, "clientSpeaker", lineNo, problems);
        JsonNode turnsNode = node.get("turns");
        if (turnsNode == null || !turnsNode.isArray()) {
            problems.add(new Problem(lineNo, "turns", turnsNode == null ? "is required" : "must be an array"));
            return null;
        }
        if (turnsNode.isEmpty()) {
            problems.add(new Problem(lineNo, "turns", "must not be empty"));
            return null;
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < turnsNode.size(); i++) {
            JsonNode t = turnsNode.get(i);
            if (!t.isObject()) {
                problems.add(new Problem(lineNo, "turns[" + i + "]", "must be an object with speaker and text"));
                continue;
            }
            String speaker = string(t, "speaker", "turns[" + i + "].speaker", lineNo, problems);
            String text = string(t, "text", "turns[" + i + "].text", lineNo, problems);
            turns.add(new Turn(speaker, text));
        }
        if (client == null || turns.size() < turnsNode.size()) {
            return null;
        }
        boolean mine = false;
        boolean other = false;
        for (Turn t : turns) {
            if (t.speaker() == null) {
                return null;
            }
            boolean isClient = t.speaker().strip().equalsIgnoreCase(client.strip());
            mine |= isClient;
            other |= !isClient;
        }
        if (!mine) {
            problems.add(new Problem(lineNo, "clientSpeaker", "must be the speaker of at least one turn"));
        } else if (!other) {
            problems.add(new Problem(lineNo, "turns", "must include a turn by someone other than the client"));
        }
        return new ConversationSample(relationship, client, List.copyOf(turns), "en");
    }

    private static Map<String, Integer> labels(JsonNode node, String kind, List<String> dimensions, int lineNo,
                                               List<Problem> problems) {
        JsonNode labels = node.get("labels");
        if (labels == null || !labels.isObject()) {
            problems.add(new Problem(lineNo, "labels", labels == null ? "is required" : "must be an object"));
            return Map.of();
        }
        if (labels.isEmpty()) {
            problems.add(new Problem(lineNo, "labels", "must name at least one dimension or overall"));
            return Map.of();
        }
        Map<String, Integer> out = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = labels.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (!name.equals(CalibrationModel.OVERALL) && !dimensions.contains(name)) {
                problems.add(new Problem(lineNo, "labels." + name, "unknown dimension for a " + kind
                    + " (expected overall or one of " + String.join(", ", dimensions) + ")"));
                continue;
            }
            JsonNode v = e.getValue();
            if (!v.isIntegralNumber() || (v.asInt() != 0 && v.asInt() != 1)) {
                problems.add(new Problem(lineNo, "labels." + name, "must be 0 or 1, was " + v));
                continue;
            }
            out.put(name, v.asInt());
        }
        return new LinkedHashMap<>(out);
    }

    private static String string(JsonNode node, String field, int lineNo, List<Problem> problems) {
        return string(node, field, field, lineNo, problems);
    }

    private static String string(JsonNode node, String field, String path, int lineNo, List<Problem> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            problems.add(new Problem(lineNo, path, "is required"));
            return null;
        }
        if (!v.isTextual()) {
            problems.add(new Problem(lineNo, path, "must be a string"));
            return null;
        }
        if (v.asText().isBlank()) {
            problems.add(new Problem(lineNo, path, "must not be blank"));
            return null;
        }
        return v.asText();
    }
}
