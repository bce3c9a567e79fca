package io.attune.scoring.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Crisis language in any text, from any speaker. The structural patterns of safety-patterns.txt
 * ({@link RiskGrammar}) propose findings; context then decides how much each one weighs, always in the
 * direction the evidence supports and never silently:
 * <ol>
 *   <li>an idiom ({@code [guard]}: "dying to see", "killing it") cancels an overlapping finding, except
 *       that a stated purpose ("on purpose") keeps self-harm that looked accidental;</li>
 *   <li>{@code [soften]} makes a real but not current finding a concern (a completed suicide someone
 *       grieves, "kill me now");</li>
 *   <li>a negator governing the finding ("I would never kill myself") makes it a concern, so negated risk
 *       is still seen;</li>
 *   <li>talk about a film, book, song or the news in the same sentence, with nobody in the first or second
 *       person, is not
 *       about anyone present and raises nothing;</li>
 *   <li>a historical frame ("used to", "years ago") without a sign of recurrence ("again", "last night")
 *       makes a crisis a concern, in its own sentence, or anywhere in the text when the finding is told in the
 *       past tense and nothing in the text signals recurrence;</li>
 *   <li>a question about someone else's risk ("are you thinking of hurting yourself?") is a concern;</li>
 *   <li>a joke marker ("lol") drops threats to others and softens self-directed ones to a concern (and
 *       drops those already softened: "kill me now lol"), and a
 *       conditional "kill" ("mum will kill me if...") is a concern; both yield to a marker of seriousness
 *       ("I mean it", a weapon, "if I leave").</li>
 * </ol>
 * Then the learned tier ({@link SafetyModel}) reads everything each person said, these findings included: a crisis
 * finding it does not bear out ({@link #MODEL_CONFIRM}) is reported as a concern, and it raises a crisis
 * ({@link #MODEL_CRISIS}) or a concern ({@link #MODEL_CONCERN}) in words no pattern covers.
 * Method mentions are never echoed: their evidence reads "[redacted]".
 */
final class SafetyScreen {
    static final String REDACTED = "[redacted]";
    static final int CONCERN_SEVERITY = 1;
    static final int CRISIS_SEVERITY = 2;
    private static final List<String> CATEGORY_ORDER = List.of("suicidal-ideation", "self-harm", "harm-to-others",
        "domestic-abuse", "child-at-risk");
    /** Verbs and adverbs that put a finding in the past when history frames the text elsewhere. */
    private static final Set<String> PAST_TENSE = Set.of("was", "were", "had", "took", "tried", "went", "did",
        "overdosed", "attempted", "harboured", "harbored", "once", "punched", "burned", "burnt", "nearly", "found");
    private static final Set<String> NEGATORS = Set.of("not", "never", "no", "none", "neither", "nor", "hardly",
        "barely");
    /** A negator before the clause's subject does not govern the finding: "nobody knows I want to die". */
    private static final Set<String> SUBJECTS = Set.of("i", "he", "she", "they", "we", "you", "it", "who", "that",
        "someone", "somebody");
    private static final Set<String> PERSONAL = Set.of("i", "me", "my", "myself", "mine", "we", "us", "our", "you",
        "your", "yourself");
    private static final Set<String> CONDITIONAL_VERBS = Set.of("kill", "killing", "murder", "murdering", "strangle",
        "shoot");
    private static final int NEGATION_WINDOW = 5;
    private static final int MEDIA_WINDOW = 3;

    /** A text to screen, the evidence turn index it reports under, and who said it. */
    record Screened(int turn, AnalyzedText text, boolean childSpeaking, String speaker, boolean client) {}

    /**
     * The learned tier ({@link SafetyModel}) calls a person's words a crisis from this probability on, where the
     * grammar found no crisis in them. Chosen by leave-one-writer-out validation (docs/scoring.md).
     */
    static final double MODEL_CRISIS = 0.75;
    /**
     * A crisis the grammar found stands from this probability on. Below it, it is reported as a concern: the
     * wording around it did not bear it out ("my boss will kill me, honestly this job"). Lower than
     * {@link #MODEL_CRISIS}: the grammar's direct findings ("she said she wants to kill herself") are rarely wrong,
     * and a short text gives the tier little to read.
     */
    static final double MODEL_CONFIRM = 0.5;
    /** ...and a concern from this one, where the grammar found nothing in that person's words. */
    static final double MODEL_CONCERN = 0.5;
    /** Semantic evidence quotes its sentence, unless the sentence names a method. */
    private static final Set<String> METHOD_WORDS = Set.of("pills", "tablets", "overdose", "rope", "noose", "bridge",
        "blade", "razor", "gun", "knife", "jump", "paracetamol", "insulin", "meds", "train", "cliff", "roof");

    private final RiskGrammar grammar;
    private final SafetyModel model;

    SafetyScreen(RiskGrammar grammar, SafetyModel model) {
        this.grammar = grammar;
        this.model = model;
    }

    /** What the grammar made of one text: its normalised tokens, every pattern hit and the findings kept. */
    private record Read(RiskGrammar.Normalized norm, List<RiskGrammar.Hit> hits, List<Finding> findings) {}

    /** The texts of one person (a journal and its tags, or one speaker's turns) and the features the model reads. */
    record Document(String speaker, List<Integer> texts, SafetyModel.Features features) {}

    Safety screen(List<Screened> texts) {
        Read[] reads = read(texts);
        SafetyModel.Reading[] readings = new SafetyModel.Reading[texts.size()];
        SafetyEvidence[] learned = new SafetyEvidence[texts.size()];
        if (model != null) {
            for (Document d : documents(texts, reads, false)) {
                SafetyModel.Reading r = model.read(d.features());
                for (int t : d.texts()) {
                    readings[t] = r;
                }
                learned(texts, reads, d, r, learned);
            }
        }
        SafetyLevel level = SafetyLevel.NONE;
        Set<String> found = new LinkedHashSet<>();
        List<SafetyEvidence> evidence = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            Screened s = texts.get(t);
            Read read = reads[t];
            if (read == null) {
                continue;
            }
            SafetyModel.Reading reading = readings[t];
            boolean confirmed = model == null || (reading != null && reading.crisis() >= MODEL_CONFIRM);
            TokenizedText tokens = s.text().tokens;
            for (Finding f : read.findings()) {
                boolean crisis = f.crisis() && confirmed;
                found.add(f.category());
                level = raise(level, crisis);
                int start = tokens.charStart(f.hit().srcFrom());
                int end = tokens.charEnd(f.hit().srcTo());
                String shown = f.hit().pattern().method() ? REDACTED : tokens.text.substring(start, end);
                evidence.add(new SafetyEvidence(s.turn(), start, end, shown, f.category(),
                    crisis ? CRISIS_SEVERITY : CONCERN_SEVERITY, s.speaker(), s.client()));
            }
            if (learned[t] != null) {
                found.add(learned[t].signal());
                level = raise(level, learned[t].effect() == CRISIS_SEVERITY);
                evidence.add(learned[t]);
            }
        }
        return new Safety(level, ordered(found), List.copyOf(evidence));
    }

    /** The documents the learned tier reads: one per person, with the names of their features when asked. */
    List<Document> documents(List<Screened> texts, boolean names) {
        return documents(texts, read(texts), names);
    }

    private Read[] read(List<Screened> texts) {
        Read[] reads = new Read[texts.size()];
        for (int t = 0; t < texts.size(); t++) {
            TokenizedText tokens = texts.get(t).text().tokens;
            if (tokens.size == 0) {
                continue;
            }
            RiskGrammar.Normalized norm = grammar.normalize(tokens);
            List<RiskGrammar.Hit> hits = grammar.match(norm);
            List<Finding> findings = new ArrayList<>();
            if (!hits.isEmpty()) {
                Context context = new Context(tokens, norm, hits);
                for (RiskGrammar.Hit hit : hits) {
                    if (hit.pattern().level() != null) {
                        Finding f = context.judge(hit, texts.get(t).childSpeaking());
                        if (f != null) {
                            findings.add(f);
                        }
                    }
                }
                upgradeWarningSigns(findings);
            }
            List<Finding> kept = new ArrayList<>(findings.size());
            for (Finding f : findings) {
                if (!shadowed(f, findings)) {
                    kept.add(f);
                }
            }
            reads[t] = new Read(norm, hits, kept);
        }
        return reads;
    }

    private static List<Document> documents(List<Screened> texts, Read[] reads, boolean names) {
        Map<String, List<Integer>> bySpeaker = new LinkedHashMap<>();
        for (int t = 0; t < texts.size(); t++) {
            if (reads[t] != null) {
                bySpeaker.computeIfAbsent(String.valueOf(texts.get(t).speaker()), k -> new ArrayList<>(4)).add(t);
            }
        }
        List<Document> out = new ArrayList<>(bySpeaker.size());
        int tokens = 0;
        for (Read read : reads) {
            tokens += read == null ? 0 : read.norm().size;
        }
        for (List<Integer> own : bySpeaker.values()) {
            SafetyModel.Features features = new SafetyModel.Features(names, tokens);
            for (int t : own) {
                Read read = reads[t];
                features.words(read.norm(), t);
                for (RiskGrammar.Hit h : read.hits()) {
                    if (h.pattern().level() == null) {
                        features.named("m:" + h.pattern().section());
                    }
                }
                boolean crisis = false;
                for (Finding f : read.findings()) {
                    crisis |= f.crisis();
                    features.named((f.crisis() ? "g:crisis:" : "g:concern:") + f.category());
                }
                features.named(crisis ? "g:crisis" : read.findings().isEmpty() ? "g:none" : "g:concern");
            }
            if (bySpeaker.size() > 1) {
                for (List<Integer> other : bySpeaker.values()) {
                    if (other != own) {
                        for (int t : other) {
                            features.otherWords(reads[t].norm());
                        }
                    }
                }
            }
            out.add(new Document(texts.get(own.get(0)).speaker(), List.copyOf(own), features));
        }
        return out;
    }

    /**
     * The learned tier's own evidence for one person, put in {@code out} at the index of the text its reading points
     * at: a crisis where it reads one and the grammar found none in that person's words, a concern where it reads at
     * least {@link #MODEL_CONCERN} and the grammar found nothing at all. It spans the sentence whose words weighed
     * most towards a crisis.
     */
    private void learned(List<Screened> texts, Read[] reads, Document own, SafetyModel.Reading reading,
                         SafetyEvidence[] out) {
        if (reading == null || reading.crisis() < MODEL_CONCERN) {
            return;
        }
        boolean anyFinding = false;
        boolean crisisFinding = false;
        for (int k : own.texts()) {
            for (Finding f : reads[k].findings()) {
                anyFinding = true;
                crisisFinding |= f.crisis();
            }
        }
        boolean crisis = reading.crisis() >= MODEL_CRISIS;
        if (crisis ? crisisFinding : anyFinding) {
            return;
        }
        SafetyModel.Lead lead = model.lead(reading.features());
        int t = lead != null ? lead.text() : own.texts().get(0);
        Screened s = texts.get(t);
        RiskGrammar.Normalized norm = reads[t].norm();
        TokenizedText tokens = s.text().tokens;
        int sentence = lead != null ? lead.sentence() : norm.sentence[0];
        int first = 0;
        while (norm.sentence[first] != sentence) {
            first++;
        }
        int last = first;
        while (last < norm.size && norm.sentence[last] == sentence) {
            last++;
        }
        boolean method = false;
        for (int k = first; k < last; k++) {
            method |= METHOD_WORDS.contains(norm.tok[k]);
        }
        String category = reading.category();
        if (s.childSpeaking() && category.equals("domestic-abuse")) {
            category = "child-at-risk";
        }
        int start = tokens.charStart(norm.src[first]);
        int end = tokens.charEnd(norm.src[last - 1] + 1);
        out[t] = new SafetyEvidence(s.turn(), start, end, method ? REDACTED : tokens.text.substring(start, end),
            category, crisis ? CRISIS_SEVERITY : CONCERN_SEVERITY, s.speaker(), s.client());
    }

    private static SafetyLevel raise(SafetyLevel level, boolean crisis) {
        if (crisis) {
            return SafetyLevel.CRISIS;
        }
        return level == SafetyLevel.NONE ? SafetyLevel.CONCERN : level;
    }

    private record Finding(RiskGrammar.Hit hit, boolean crisis, String category) {}

    /**
     * Warning signs add up: two different ones in the same text (a farewell, a place, an apology for
     * everything: "At the bridge. I'm sorry for everything.") are a crisis, though each alone is a concern.
     */
    private static void upgradeWarningSigns(List<Finding> findings) {
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.crisis() || !f.hit().pattern().warning()) {
                continue;
            }
            for (Finding other : findings) {
                if (other != f && other.hit().pattern().warning()
                    && other.hit().pattern().line() != f.hit().pattern().line()) {
                    findings.set(i, new Finding(f.hit(), true, f.category()));
                    break;
                }
            }
        }
    }

    /** The markers of one text, and the rules that weigh each finding against them. */
    private static final class Context {
        private final TokenizedText tokens;
        private final RiskGrammar.Normalized norm;
        private final List<RiskGrammar.Hit> guards = new ArrayList<>();
        private final List<RiskGrammar.Hit> softeners = new ArrayList<>();
        private final List<RiskGrammar.Hit> historicalHits = new ArrayList<>();
        private long historical;
        private long recurrent;
        private long media;
        private long jest;
        private long serious;
        private boolean purpose;

        Context(TokenizedText tokens, RiskGrammar.Normalized norm, List<RiskGrammar.Hit> hits) {
            this.tokens = tokens;
            this.norm = norm;
            for (RiskGrammar.Hit h : hits) {
                long bit = sentenceBit(norm.sentence[h.from()]);
                switch (h.pattern().section()) {
                    case "guard" -> guards.add(h);
                    case "soften" -> softeners.add(h);
                    case "historical" -> {
                        historical |= bit;
                        historicalHits.add(h);
                    }
                    case "recurrent" -> recurrent |= bit;
                    case "media" -> media |= bit;
                    case "jest" -> jest |= bit;
                    case "serious" -> serious |= bit;
                    case "purpose" -> purpose = true;
                    default -> {
                    }
                }
            }
        }

        Finding judge(RiskGrammar.Hit hit, boolean childSpeaking) {
            String category = hit.pattern().category();
            boolean crisis = hit.pattern().level().equals("crisis");
            int sentence = norm.sentence[hit.from()];
            long bit = sentenceBit(sentence);
            if (overlaps(hit, guards) && !(purpose && category.equals("self-harm"))) {
                return null;
            }
            boolean softened = crisis && overlaps(hit, softeners);
            if (softened) {
                crisis = false;
            }
            if (crisis && negated(hit)) {
                crisis = false;
            }
            if ((media & bit) != 0 && !personal(hit)) {
                return null;
            }
            boolean past = (historical & bit) != 0 && (recurrent & bit) == 0 && historicalFrame(hit)
                || historical != 0 && recurrent == 0 && pastTense(sentence);
            if (crisis && past) {
                crisis = false;
            }
            if (crisis && tokens.sentenceQuestion[sentence] && askedOfYou(hit, sentence)) {
                crisis = false;
            }
            boolean selfDirected = category.equals("suicidal-ideation") || category.equals("self-harm");
            boolean joking = ((jest & bit) != 0 || emojiLaugh(sentence)) && serious == 0;
            if (joking) {
                if (!selfDirected || softened) {
                    return null;
                }
                crisis = false;
            }
            if (crisis && !selfDirected && serious == 0 && conditionalThreat(hit, sentence)) {
                crisis = false;
            }
            // a threat that reads as a figure of speech on its own ("he's going to kill me", "I'll use it") is
            // meant when the text says so: "not a joke", "I mean it", a weapon, "if you leave"
            if (!crisis && !selfDirected && serious != 0 && hit.pattern().level().equals("concern") && !past
                && !negated(hit)) {
                crisis = true;
            }
            if (crisis && childSpeaking && category.equals("domestic-abuse")) {
                category = "child-at-risk"; // a child reporting violence at home
            }
            return new Finding(hit, crisis, category);
        }

        /**
         * A finding told in the past tense is history when another sentence of the text frames it ("I took an
         * overdose in 1987. I have had a good life since.") and nothing in the text says it is happening again.
         */
        private boolean pastTense(int sentence) {
            for (int k = 0; k < norm.size; k++) {
                if (norm.sentence[k] == sentence && PAST_TENSE.contains(norm.tok[k])) {
                    return true;
                }
            }
            return false;
        }

        /** A negator a few tokens before the finding, in its clause and before any subject pronoun. */
        private boolean negated(RiskGrammar.Hit hit) {
            int clause = norm.clause[hit.from()];
            for (int k = hit.from() - 1; k >= Math.max(0, hit.from() - NEGATION_WINDOW); k--) {
                if (norm.clause[k] != clause) {
                    return false;
                }
                String w = norm.tok[k];
                if (SUBJECTS.contains(w)) {
                    return false;
                }
                if (NEGATORS.contains(w)) {
                    // "no longer wants to live", "no one would notice" and "can't stop thinking about dying"
                    // affirm what follows
                    String next = k + 1 < norm.size ? norm.tok[k + 1] : "";
                    return !(w.equals("no") && (next.equals("longer") || next.equals("one") || next.equals("way")
                        || next.equals("other")))
                        && !(w.equals("not") && (next.equals("stop") || next.equals("help")));
                }
            }
            return false;
        }

        /**
         * A historical marker frames the finding when it comes before it in the sentence, or after it in the
         * same clause with no new subject in between: "I attempted suicide in my twenties" is history, but in
         * "thinking about drowning myself at the lake we used to go to" the "used to" belongs to the lake.
         */
        private boolean historicalFrame(RiskGrammar.Hit hit) {
            int sentence = norm.sentence[hit.from()];
            for (RiskGrammar.Hit h : historicalHits) {
                if (norm.sentence[h.from()] != sentence) {
                    continue;
                }
                if (h.from() < hit.to()) {
                    return true;
                }
                boolean newSubject = false;
                for (int k = hit.to(); k < h.from() && !newSubject; k++) {
                    newSubject = SUBJECTS.contains(norm.tok[k]) && !norm.tok[k].equals("it")
                        && !norm.tok[k].equals("that");
                }
                if (!newSubject) {
                    return true;
                }
            }
            return false;
        }

        /** Someone present (I, we, you) is part of the finding or just before it. */
        private boolean personal(RiskGrammar.Hit hit) {
            for (int k = Math.max(0, hit.from() - MEDIA_WINDOW); k < hit.to(); k++) {
                if (PERSONAL.contains(norm.tok[k])) {
                    return true;
                }
            }
            return false;
        }

        /** "Are you thinking of hurting yourself?" asks about risk; it is not a disclosure. */
        private boolean askedOfYou(RiskGrammar.Hit hit, int sentence) {
            boolean you = false;
            int first = hit.from();
            while (first > 0 && norm.sentence[first - 1] == sentence) {
                first--;
            }
            for (int k = first; k < hit.to(); k++) {
                String w = norm.tok[k];
                if (w.equals("i") || w.equals("me") || w.equals("my") || w.equals("myself")) {
                    return false;
                }
                you |= w.equals("you") || w.equals("your") || w.equals("yourself");
            }
            return you;
        }

        /** "Kill"-type words under an "if" in the same sentence: "she'll kill me if I'm late". */
        private boolean conditionalThreat(RiskGrammar.Hit hit, int sentence) {
            boolean killWord = false;
            for (int k = hit.from(); k < hit.to(); k++) {
                killWord |= CONDITIONAL_VERBS.contains(norm.tok[k]);
            }
            if (!killWord) {
                return false;
            }
            for (int k = 0; k < norm.size; k++) {
                if (norm.sentence[k] == sentence && norm.tok[k].equals("if")) {
                    return true;
                }
            }
            return false;
        }

        /** Laughing emoji are not tokens, so they are looked for in the sentence's characters. */
        private boolean emojiLaugh(int sentence) {
            if (sentence >= tokens.sentenceCount) {
                return false;
            }
            int from = tokens.charStart(tokens.sentenceFirst[sentence]);
            int to = sentence + 1 < tokens.sentenceCount
                ? tokens.charStart(tokens.sentenceFirst[sentence + 1]) : tokens.text.length();
            String part = tokens.text.substring(from, to);
            return part.contains("\uD83D\uDE02") || part.contains("\uD83E\uDD23") || part.contains("\uD83D\uDC80");
        }

        private static boolean overlaps(RiskGrammar.Hit hit, List<RiskGrammar.Hit> others) {
            for (RiskGrammar.Hit o : others) {
                if (o.srcFrom() < hit.srcTo() && o.srcTo() > hit.srcFrom()) {
                    return true;
                }
            }
            return false;
        }

        private static long sentenceBit(int sentence) {
            return sentence < 0 ? 0 : 1L << Math.min(sentence, 63);
        }
    }

    /** Overlapping findings report once: the more severe wins, then the earlier and longer one. */
    private static boolean shadowed(Finding f, List<Finding> all) {
        for (Finding other : all) {
            if (other == f || other.hit().srcFrom() >= f.hit().srcTo() || other.hit().srcTo() <= f.hit().srcFrom()) {
                continue;
            }
            if (other.crisis() != f.crisis()) {
                if (other.crisis()) {
                    return true;
                }
                continue;
            }
            int of = other.hit().srcFrom();
            int ff = f.hit().srcFrom();
            int ol = other.hit().srcTo() - of;
            int fl = f.hit().srcTo() - ff;
            if (of < ff || (of == ff && (ol > fl || (ol == fl && all.indexOf(other) < all.indexOf(f))))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> ordered(Set<String> found) {
        List<String> out = new ArrayList<>();
        for (String c : CATEGORY_ORDER) {
            if (found.contains(c)) {
                out.add(c);
            }
        }
        Set<String> rest = new TreeSet<>(found);
        rest.removeAll(CATEGORY_ORDER);
        out.addAll(rest);
        return List.copyOf(out);
    }
}
