package io.attune.scoring.engine.calibration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A generated stand-in for an organisation's rater-labelled set. Bids are the other person's turns of the
 * engine's own test corpus; replies are built from rater-coded moves (an emotional reaction, a reflection of the
 * feeling, an exploring question, advice, minimising, turning to oneself, filler) in many paraphrases, some of them
 * outside the engine's lexicons, with casual spelling. Labels follow a rubric from the moves present, and a share of
 * them is flipped, as raters disagree. Journals mix narrative with feeling-naming, self-criticism and self-kindness
 * sentences. Deterministic for a seed. Written by the project, so free to use and redistribute.
 */
public final class RaterSetGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String[] REACTIONS = {
        "That sounds really hard.", "I'm so sorry that happened.", "Oh no, that's awful.", "That must have hurt.",
        "Ugh, what a horrible thing to go through.", "I can't believe they did that to you.", "That's so unfair.",
        "Oh man, that's rough.", "that sucks so much, im sorry", "Wow, that's a lot to carry.",
        "My heart goes out to you.", "That is genuinely awful, I'm sorry.", "Oof. That's painful.",
        "I'd be gutted too.", "That really stinks.", "Oh sweetheart, that's terrible.", "How awful for you.",
        "I'm really sorry you're dealing with this.", "That's heartbreaking.", "ugh that's the worst",
        "What a nightmare.", "Sorry, that's really not okay.", "That sounds exhausting.",
    };
    static final String[] FEELINGS = {
        "hurt", "angry", "humiliated", "lonely", "scared", "frustrated", "overwhelmed", "let down", "invisible",
        "anxious", "betrayed", "exhausted", "embarrassed", "sad", "stuck", "ashamed", "furious", "worried",
    };
    static final String[] REFLECTIONS = {
        "It sounds like you felt really %s.", "So you're feeling %s, and nobody seems to notice.",
        "You must feel so %s right now.", "I'm hearing that you're %s and tired of it.",
        "It seems like this left you feeling %s.", "If I understand you, you feel %s because it keeps happening.",
        "no wonder you feel %s", "So underneath it all you're %s.", "Sounds like part of you is %s about it.",
        "You're saying it made you feel %s, like you don't count.", "I guess that leaves you feeling pretty %s.",
        "It's like you're %s and also kind of worn down.",
    };
    static final String[] OPEN_QUESTIONS = {
        "What happened after that?", "How are you feeling about it now?", "What was the hardest part?",
        "How did you react?", "What do you think you need right now?", "What went through your mind?",
        "How long has this been going on?", "what did they say when you told them?",
        "What would help most this week?", "Can you tell me more about it?", "How is it affecting you?",
        "What part of it bothers you most?", "what are you going to do?", "How did that land with you?",
    };
    static final String[] CLOSED_QUESTIONS = {
        "Are you okay?", "Do you want to talk about it?", "Was it like this before?", "Did you tell anyone?",
        "Is it still going on?", "Have you slept at all?", "Did that happen at work?", "Is he still there?",
    };
    static final String[] ADVICE = {
        "You should just talk to your manager.", "Why don't you just quit?", "Just ignore them.",
        "You need to stand up for yourself.", "Try going for a run, it always helps me.",
        "Have you tried meditating?", "You should see a doctor about that.", "Just tell them no next time.",
        "Honestly you need to move on.", "Maybe write them an email and sort it out.", "Get some sleep and forget it.",
        "you gotta set boundaries", "Next time just walk away.", "Make a list and do one thing at a time.",
    };
    static final String[] MINIMISING = {
        "It's not a big deal.", "Everyone goes through that.", "Could be worse.", "You'll get over it.",
        "Don't be so dramatic.", "Look on the bright side.", "At least you still have a job.", "It happens.",
        "you're overthinking it", "Cheer up, it's fine.", "It was just a bad day.",
    };
    static final String[] SELF_TURN = {
        "That reminds me of my old boss, he was a nightmare.", "Anyway, did you see the game last night?",
        "I had a rough day too.", "Same thing happened to me last year, I just laughed it off.",
        "Oh, by the way, we need milk.", "I'm so busy at the moment, I can't even think.",
        "My sister had the exact same thing, she's fine now.", "Hang on, I'm reading something.",
    };
    static final String[] FILLER = {"Yeah.", "Hmm.", "Okay.", "I see.", "Right.", "Oh.", "Mm.", "Sure."};
    static final String[] ENDEARMENTS = {"", "", "", "honey", "mate", "love", "buddy", "hon"};

    static final String[] JOURNAL_NARRATIVE = {
        "Today was a long day at work.", "I had lunch with my sister and we talked about mum.",
        "The meeting ran late again.", "We drove to the coast for the weekend.", "The kids were loud all evening.",
        "My manager moved the deadline without asking.", "I spent the morning cleaning the flat.",
        "I got a message from my ex this afternoon.", "The train was cancelled so I walked home.",
        "I finally sent the application.", "My friend cancelled our plans at the last minute.",
    };
    static final String[] JOURNAL_FEELING = {
        "I felt %s and couldn't shake it.", "Honestly I was %s.", "There was this %s feeling in my chest.",
        "I noticed I was %s before I even knew why.", "I think underneath I was %s.", "It left me %s.",
    };
    static final String[] JOURNAL_CRITICAL = {
        "I'm such an idiot.", "I always mess everything up.", "What is wrong with me.", "I'm pathetic, honestly.",
        "I should be over this by now.", "Typical me, ruining it again.", "I hate how weak I am.",
    };
    static final String[] JOURNAL_KIND = {
        "It's okay that I struggled; anyone would.", "I'm trying to be gentle with myself about it.",
        "I did the best I could with what I had.", "I'd tell a friend to go easy on herself, so I will too.",
        "It's human to feel this way.", "I'm allowed to rest.", "I forgive myself for snapping.",
    };

    private final Random random;
    private final List<String> bids;

    public RaterSetGenerator(long seed) {
        this.random = new Random(seed);
        this.bids = corpusBids();
    }

    /** The other person's turns in the engine's tuning corpus, de-duplicated, in file order. */
    private static List<String> corpusBids() {
        Set<String> out = new LinkedHashSet<>();
        try (InputStream in = RaterSetGenerator.class.getResourceAsStream("/corpus/tuning.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                if (!"conversation".equals(node.path("kind").asText())) {
                    continue;
                }
                String client = node.path("clientSpeaker").asText();
                for (JsonNode t : node.path("turns")) {
                    if (!t.path("speaker").asText().equals(client)) {
                        out.add(t.path("text").asText());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    /** JSONL of {@code conversations} conversations then {@code journals} journal entries. */
    String jsonl(int conversations, int journals, double noise) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < conversations; i++) {
            out.append(conversation(noise)).append('\n');
        }
        for (int i = 0; i < journals; i++) {
            out.append(journal(noise)).append('\n');
        }
        return out.toString();
    }

    public Path write(Path file, int conversations, int journals, double noise) {
        try {
            Files.writeString(file, jsonl(conversations, journals, noise));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String conversation(double noise) {
        String bid = bids.get(random.nextInt(bids.size()));
        boolean reaction = random.nextDouble() < 0.45;
        boolean reflection = random.nextDouble() < 0.35;
        boolean open = random.nextDouble() < 0.35;
        boolean closed = !open && random.nextDouble() < 0.25;
        boolean advice = random.nextDouble() < 0.35;
        boolean minimising = !reaction && random.nextDouble() < 0.25;
        boolean selfTurn = random.nextDouble() < 0.2;
        List<String> moves = new ArrayList<>();
        if (reaction) {
            moves.add(pick(REACTIONS));
        }
        if (minimising) {
            moves.add(pick(MINIMISING));
        }
        if (reflection) {
            moves.add(String.format(pick(REFLECTIONS), pick(FEELINGS)));
        }
        if (selfTurn) {
            moves.add(random.nextBoolean() ? 0 : moves.size(), pick(SELF_TURN));
        }
        if (advice) {
            moves.add(pick(ADVICE));
        }
        if (open) {
            moves.add(pick(OPEN_QUESTIONS));
        } else if (closed) {
            moves.add(pick(CLOSED_QUESTIONS));
        }
        if (moves.isEmpty() || random.nextDouble() < 0.15) {
            moves.add(0, pick(FILLER));
        }
        String endearment = pick(ENDEARMENTS);
        if (!endearment.isEmpty() && random.nextBoolean()) {
            moves.set(0, moves.get(0).replaceFirst("[.!?]$", ", " + endearment + "."));
        }
        String reply = casual(String.join(" ", moves));

        Map<String, Integer> labels = new LinkedHashMap<>();
        labels.put("acknowledgement", flip(reaction || reflection, noise));
        labels.put("mirroring", flip(reflection, noise));
        labels.put("inquiry", flip(open || closed, noise));
        labels.put("exploration", flip(open, noise));
        labels.put("presence", flip(!selfTurn, noise));
        labels.put("listening-balance", flip(!advice && !selfTurn, noise));
        labels.put("overall", flip((reaction || reflection || open) && !minimising && !(advice && !reflection),
            noise));
        // raters do not code every behaviour on every item
        if (random.nextDouble() < 0.1) {
            labels.remove("presence");
        }

        String other = pick(new String[] {"Ann", "Maya", "Sam", "Jordan", "Priya", "Leo"});
        String client = pick(new String[] {"Steve", "Josh", "Alex", "Kim", "Tom", "Ravi"});
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", "conversation");
        node.put("relationship", pick(new String[] {"partner", "friend", "colleague", "coachee", "other"}));
        node.put("clientSpeaker", client);
        ArrayNode turns = node.putArray("turns");
        turns.addObject().put("speaker", other).put("text", bid);
        turns.addObject().put("speaker", client).put("text", reply);
        ObjectNode l = node.putObject("labels");
        labels.forEach(l::put);
        return node.toString();
    }

    private String journal(double noise) {
        boolean feeling = random.nextDouble() < 0.5;
        boolean critical = random.nextDouble() < 0.35;
        boolean kind = random.nextDouble() < 0.4;
        List<String> sentences = new ArrayList<>();
        sentences.add(pick(JOURNAL_NARRATIVE));
        if (random.nextBoolean()) {
            sentences.add(pick(JOURNAL_NARRATIVE));
        }
        if (feeling) {
            sentences.add(String.format(pick(JOURNAL_FEELING), pick(FEELINGS)));
        }
        if (critical) {
            sentences.add(pick(JOURNAL_CRITICAL));
        }
        if (kind) {
            sentences.add(pick(JOURNAL_KIND));
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", "journal");
        node.put("text", casual(String.join(" ", sentences)));
        ObjectNode l = node.putObject("labels");
        l.put("emotional-awareness", flip(feeling, noise));
        l.put("self-compassion", flip(kind && !critical, noise));
        l.put("overall", flip((feeling || kind) && !critical, noise));
        return node.toString();
    }

    /** Some writers drop capitals and apostrophes. */
    private String casual(String text) {
        double r = random.nextDouble();
        if (r < 0.15) {
            return text.toLowerCase().replace("'", "");
        }
        if (r < 0.25) {
            return text.toLowerCase();
        }
        return text;
    }

    private int flip(boolean label, double noise) {
        boolean value = random.nextDouble() < noise ? !label : label;
        return value ? 1 : 0;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    /** Writes a training and a held-out file, for the figures in docs/scoring.md. */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/rater-set");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        new RaterSetGenerator(1).write(dir.resolve("train.jsonl"), 600, 300, 0.07);
        new RaterSetGenerator(2).write(dir.resolve("test.jsonl"), 400, 200, 0.07);
    }
}
