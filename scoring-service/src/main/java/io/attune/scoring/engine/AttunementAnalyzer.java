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
    public static final String SCORER_VERSION = "lexical-1.4.0";

    private final PhraseTrie lexicons;
    private final ContentWords contentWords;
    private final Tokenizer tokenizer;
    private final SafetyScreen safetyScreen = new SafetyScreen(new RiskGrammar(), SafetyModel.load());
    private final List<SignalDetector<ConversationView>> conversationDetectors = List.of(
        new AcknowledgementSignals(), new MirroringSignals(), new InquirySignals(), new ExplorationSignals(),
        new PresenceSignals(), new ListeningBalanceSignals());
    private final List<SignalDetector<JournalView>> journalDetectors = List.of(
        new EmotionalAwarenessSignals(), new TriggerInsightSignals(), JournalPhraseSignals.selfCompassion(),
        JournalPhraseSignals.acceptance(), JournalPhraseSignals.mindfulness(), JournalPhraseSignals.focus());

    private final ScoreCalibration calibration;
    private final String scorerVersion;

    public AttunementAnalyzer() {
        this(null);
    }

    /**
     * @param calibration a model trained on an organisation's rater labels, or null for the shipped lexical
     *                    scoring; it rescores the dimensions it has labels for and names itself in the scorer version
     */
    public AttunementAnalyzer(ScoreCalibration calibration) {
        this.calibration = calibration;
        this.scorerVersion = calibration == null ? SCORER_VERSION : SCORER_VERSION + "+" + calibration.name();
        this.lexicons = new LexiconLoader().loadAll();
        this.contentWords = new ContentWords();
        Set<String> words = new TreeSet<>(lexicons.words());
        words.addAll(contentWords.stopwords());
        if (calibration != null) {
            words.addAll(calibration.words());
        }
        this.tokenizer = new Tokenizer(Vocabulary.of(words, Tokenizer.EXPANSIONS));
    }

    /** {@link #SCORER_VERSION}, plus the calibration model's name when one is loaded. */
    public String scorerVersion() {
        return scorerVersion;
    }

    /** Dimension names of a kind ({@code conversation} or {@code journal}) in scoring order, or null. */
    public static List<String> dimensionNames(String kind) {
        return switch (kind) {
            case "conversation" -> Dimensions.CONVERSATION;
            case "journal" -> Dimensions.JOURNAL;
            default -> null;
        };
    }

    public Assessment analyze(ConversationSample sample) {
        Observation observation = observe(sample);
        return assemble(observation, BandPolicy.CONVERSATION, safetyScreen.screen(screened(sample, observation)));
    }

    /** What the safety screen's learned tier reads in a conversation, one document per speaker (for training). */
    List<SafetyScreen.Document> safetyDocuments(ConversationSample sample) {
        return safetyScreen.documents(screened(sample, observe(sample)), true);
    }

    /** What the safety screen's learned tier reads in a journal entry (for training). */
    List<SafetyScreen.Document> safetyDocuments(JournalEntry entry) {
        return safetyScreen.documents(screened(observe(entry)), true);
    }

    private static List<SafetyScreen.Screened> screened(ConversationSample sample, Observation observation) {
        AnalyzedText[] turns = observation.texts;
        boolean childRelationship = "child".equalsIgnoreCase(sample.relationship());
        List<SafetyScreen.Screened> screened = new ArrayList<>(turns.length);
        for (int i = 0; i < turns.length; i++) {
            screened.add(new SafetyScreen.Screened(i, turns[i], childRelationship && !observation.client[i],
                sample.turns().get(i).speaker(), observation.client[i]));
        }
        return screened;
    }

    private static List<SafetyScreen.Screened> screened(Observation observation) {
        List<SafetyScreen.Screened> screened = new ArrayList<>(observation.tags.size() + 1);
        screened.add(new SafetyScreen.Screened(Evidence.JOURNAL_TEXT, observation.texts[0], false, null, true));
        for (AnalyzedText tagText : observation.tags) {
            screened.add(new SafetyScreen.Screened(Evidence.EMOTION_TAG, tagText, false, null, true));
        }
        return screened;
    }

    /** The lexical engine's view of a conversation without the safety screen: what calibration trains on. */
    public Observation observe(ConversationSample sample) {
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
        return new Observation("conversation", turns, view.client, view.bid, List.of(), sheet.scores());
    }

    public Assessment analyze(JournalEntry entry) {
        Observation observation = observe(entry);
        return assemble(observation, BandPolicy.JOURNAL, safetyScreen.screen(screened(observation)));
    }

    /** The lexical engine's view of a journal entry without the safety screen: what calibration trains on. */
    public Observation observe(JournalEntry entry) {
        if (entry == null) {
            throw new IllegalArgumentException("entry is required");
        }
        List<EmotionTag> emotions = entry.emotions() == null ? List.of() : entry.emotions();
        AnalyzedText text = analyze(entry.text());
        List<AnalyzedText> tags = new ArrayList<>(emotions.size());
        for (EmotionTag tag : emotions) {
            if (tag == null) {
                throw new IllegalArgumentException("emotion tag is null");
            }
            AnalyzedText tagText = analyze(tag.label());
            tags.add(tagText);
        }
        JournalEntry normalized = emotions == entry.emotions() ? entry
            : new JournalEntry(entry.text(), emotions, entry.context(), entry.locale());
        JournalView view = new JournalView(normalized, text, tags);
        ScoreSheet sheet = new ScoreSheet(Dimensions.JOURNAL);
        for (SignalDetector<JournalView> detector : journalDetectors) {
            detector.detect(view, sheet);
        }
        return new Observation("journal", new AnalyzedText[] {text}, new boolean[] {true}, new int[] {-1}, tags,
            sheet.scores());
    }

    private AnalyzedText analyze(String text) {
        TokenizedText tokens = tokenizer.tokenize(text);
        return new AnalyzedText(tokens, lexicons.match(tokens));
    }

    private Assessment assemble(Observation observation, BandPolicy policy, Safety safety) {
        List<DimensionScore> dimensions = observation.defaults();
        ScoreCalibration.Result calibrated = calibration == null ? null : calibration.apply(observation);
        if (calibrated == null) {
            int overall = policy.overall(dimensions);
            return new Assessment(observation.kind(), overall, policy.band(overall), dimensions,
                KeyMoments.pick(dimensions), safety, scorerVersion);
        }
        dimensions = calibrated.dimensions();
        DimensionScore overall = calibrated.overall();
        int overallScore = overall == null ? policy.overall(dimensions) : overall.score();
        return new Assessment(observation.kind(), overallScore, policy.band(overallScore), dimensions,
            KeyMoments.pick(dimensions), safety, scorerVersion, overall == null ? null : overall.calibration(),
            overall == null ? List.of() : overall.evidence());
    }
}
