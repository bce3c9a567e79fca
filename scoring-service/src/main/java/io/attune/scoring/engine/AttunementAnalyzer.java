package io.attune.scoring.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores a conversation (the client's attunement to the other person) or a journal entry (attunement to
 * oneself). Thread-safe and deterministic: lexicons are loaded once and never mutated.
 */
public final class AttunementAnalyzer {
    public static final String SCORER_VERSION = "lexical-1.1.0";

    private final PhraseTrie lexicons;
    private final ContentWords contentWords;
    private final Tokenizer tokenizer;
    private final SafetyScreen safetyScreen = new SafetyScreen(new RiskGrammar());
    private final List<SignalDetector<ConversationView>> conversationDetectors = List.of(
        new AcknowledgementSignals(), new MirroringSignals(), new InquirySignals(), new ExplorationSignals(),
        new PresenceSignals(), new ListeningBalanceSignals());
    private final List<SignalDetector<JournalView>> journalDetectors = List.of(
        new EmotionalAwarenessSignals(), new TriggerInsightSignals(), JournalPhraseSignals.selfCompassion(),
        JournalPhraseSignals.acceptance(), JournalPhraseSignals.mindfulness(), JournalPhraseSignals.focus());

    public AttunementAnalyzer() {
        this.lexicons = new LexiconLoader().loadAll();
        this.contentWords = new ContentWords();
        Set<String> words = new TreeSet<>(lexicons.words());
        words.addAll(contentWords.stopwords());
        this.tokenizer = new Tokenizer(Vocabulary.of(words, Tokenizer.EXPANSIONS));
    }

    public Assessment analyze(ConversationSample sample) {
        if (sample == null || sample.turns() == null || sample.clientSpeaker() == null) {
            throw new IllegalArgumentException("sample, its turns and clientSpeaker are required");
        }
        int n = sample.turns().size();
        AnalyzedText[] turns = new AnalyzedText[n];
        for (int i = 0; i < n; i++) {
            Turn turn = sample.turns().get(i);
            if (turn == null) {
                throw new IllegalArgumentException("turn " + i + " is null");
            }
            turns[i] = analyze(turn.text());
        }
        ConversationView view = new ConversationView(sample, turns, contentWords);
        ScoreSheet sheet = new ScoreSheet(Dimensions.CONVERSATION);
        for (SignalDetector<ConversationView> detector : conversationDetectors) {
            detector.detect(view, sheet);
        }
        boolean childRelationship = "child".equalsIgnoreCase(sample.relationship());
        List<SafetyScreen.Screened> screened = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            screened.add(new SafetyScreen.Screened(i, turns[i], childRelationship && !view.client[i],
                sample.turns().get(i).speaker(), view.client[i]));
        }
        return assemble("conversation", sheet, BandPolicy.CONVERSATION, safetyScreen.screen(screened));
    }

    public Assessment analyze(JournalEntry entry) {
        if (entry == null) {
            throw new IllegalArgumentException("entry is required");
        }
        List<EmotionTag> emotions = entry.emotions() == null ? List.of() : entry.emotions();
        AnalyzedText text = analyze(entry.text());
        List<AnalyzedText> tags = new ArrayList<>(emotions.size());
        List<SafetyScreen.Screened> screened = new ArrayList<>(emotions.size() + 1);
        screened.add(new SafetyScreen.Screened(Evidence.JOURNAL_TEXT, text, false, null, true));
        for (EmotionTag tag : emotions) {
            if (tag == null) {
                throw new IllegalArgumentException("emotion tag is null");
            }
            AnalyzedText tagText = analyze(tag.label());
            tags.add(tagText);
            screened.add(new SafetyScreen.Screened(Evidence.EMOTION_TAG, tagText, false, null, true));
        }
        JournalEntry normalized = emotions == entry.emotions() ? entry
            : new JournalEntry(entry.text(), emotions, entry.context(), entry.locale());
        JournalView view = new JournalView(normalized, text, tags);
        ScoreSheet sheet = new ScoreSheet(Dimensions.JOURNAL);
        for (SignalDetector<JournalView> detector : journalDetectors) {
            detector.detect(view, sheet);
        }
        return assemble("journal", sheet, BandPolicy.JOURNAL, safetyScreen.screen(screened));
    }

    private AnalyzedText analyze(String text) {
        TokenizedText tokens = tokenizer.tokenize(text);
        return new AnalyzedText(tokens, lexicons.match(tokens));
    }

    private static Assessment assemble(String kind, ScoreSheet sheet, BandPolicy policy, Safety safety) {
        List<DimensionScore> dimensions = sheet.scores();
        int overall = policy.overall(dimensions);
        return new Assessment(kind, overall, policy.band(overall), dimensions, KeyMoments.pick(dimensions),
            safety, SCORER_VERSION);
    }
}
