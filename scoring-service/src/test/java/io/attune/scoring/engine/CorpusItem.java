package io.attune.scoring.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One labelled corpus line and the assessment the engine gives it. {@code labels} holds the optional binary
 * per-dimension labels (dimension name or {@code overall} to 0 or 1), in the same shape as a calibration
 * label file; a dimension absent from it is unlabelled.
 */
record CorpusItem(String id, String kind, ConversationSample conversation, JournalEntry journal, String band,
                  List<String> high, List<String> low, String safety, Map<String, Integer> labels) {

    static List<CorpusItem> load(String resource) {
        List<CorpusItem> items = new ArrayList<>();
        try (InputStream in = CorpusItem.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    items.add(of(asMap(MiniJson.parse(line))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    Assessment assess(AttunementAnalyzer analyzer) {
        return conversation != null ? analyzer.analyze(conversation) : analyzer.analyze(journal);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    private static CorpusItem of(Map<String, Object> m) {
        String kind = (String) m.get("kind");
        Map<String, Object> expect = asMap(m.get("expect"));
        ConversationSample conversation = null;
        JournalEntry journal = null;
        if (kind.equals("conversation")) {
            List<Turn> turns = new ArrayList<>();
            for (Object t : asList(m.get("turns"))) {
                Map<String, Object> turn = asMap(t);
                turns.add(new Turn((String) turn.get("speaker"), (String) turn.get("text")));
            }
            conversation = new ConversationSample((String) m.get("relationship"), (String) m.get("clientSpeaker"), turns,
                "en");
        } else {
            List<EmotionTag> tags = new ArrayList<>();
            for (Object t : asList(m.get("emotions"))) {
                Map<String, Object> tag = asMap(t);
                tags.add(new EmotionTag((String) tag.get("label"), ((Number) tag.get("intensity")).intValue()));
            }
            journal = new JournalEntry((String) m.get("text"), tags, null, "en");
        }
        Map<String, Integer> labels = new LinkedHashMap<>();
        if (m.get("labels") != null) {
            asMap(m.get("labels")).forEach((dimension, value) -> labels.put(dimension, ((Number) value).intValue()));
        }
        return new CorpusItem((String) m.get("id"), kind, conversation, journal, (String) expect.get("band"),
            strings(expect.get("high")), strings(expect.get("low")), (String) expect.get("safety"), Map.copyOf(labels));
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        for (Object x : asList(o)) {
            out.add((String) x);
        }
        return out;
    }
}
