package io.attune.scoring.bench;

import io.attune.scoring.engine.Assessment;
import io.attune.scoring.engine.AttunementAnalyzer;
import io.attune.scoring.engine.ConversationSample;
import io.attune.scoring.engine.EmotionTag;
import io.attune.scoring.engine.JournalEntry;
import io.attune.scoring.engine.Turn;
import io.attune.scoring.engine.calibration.CalibrateCommand;
import io.attune.scoring.engine.calibration.CalibrationModel;
import io.attune.scoring.engine.calibration.RaterSetGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread throughput of the analyzer on a four-turn conversation and a 150-word journal entry, with the
 * shipped lexical scoring and with a calibration model (trained in setup on the generated rater set, every
 * conversation dimension, two journal dimensions and both overall labels calibrated).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class EngineBenchmark {
    private AttunementAnalyzer analyzer;
    private AttunementAnalyzer calibrated;
    private ConversationSample conversation;
    private JournalEntry journal;

    @Setup
    public void setUp() throws IOException {
        analyzer = new AttunementAnalyzer();
        Path dir = Files.createTempDirectory("attune-bench");
        Path labels = new RaterSetGenerator(1).write(dir.resolve("labels.jsonl"), 600, 300, 0.07);
        Path model = dir.resolve("model.json");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        if (CalibrateCommand.run(new String[] {"--labels", labels.toString(), "--out", model.toString()}, quiet,
                quiet) != 0) {
            throw new IllegalStateException("calibration failed");
        }
        calibrated = new AttunementAnalyzer(CalibrationModel.load(model));
        conversation = new ConversationSample("partner", "Steve", List.of(
            new Turn("Ann", "Guess what happened today \u2014 my supervisor called me stupid again. "
                + "This is the third time, ugh I hate him!"),
            new Turn("Steve", "That's not right! It must be very difficult to deal with him, honey. What did he say?"),
            new Turn("Ann", "He said my report was sloppy in front of the whole team and everyone just looked at me. "
                + "I felt so humiliated I wanted to disappear into my chair."),
            new Turn("Steve", "That sounds humiliating. No wonder you're furious. Tell me more about what happened "
                + "after the meeting.")), "en");
        journal = new JournalEntry("This morning I woke up already anxious because of the performance review. "
            + "When my manager read my mistakes out loud in front of the team I felt embarrassed and resentful, and "
            + "I noticed my chest getting tight and my jaw clenching. I wanted to push it all down and keep busy, "
            + "checking my phone while answering emails, but I stopped and took three slow breaths instead. "
            + "I am not lazy and I am not stupid; I was tired and stretched across too many projects. It's okay "
            + "to feel hurt about it. I let myself feel the disappointment for a few minutes and got curious about "
            + "why her words sting so much more than anyone else's. I think it reminds me of my father checking my "
            + "homework. Tonight I put my phone away, cooked dinner one thing at a time "
            + "and I feel calmer now, a little sad, but clearer about what I want to say tomorrow.",
            List.of(new EmotionTag("anxious", 7), new EmotionTag("embarrassed", 6)), "self", "en");
    }

    @Benchmark
    public Assessment conversationFourTurns() {
        return analyzer.analyze(conversation);
    }

    @Benchmark
    public Assessment journal150Words() {
        return analyzer.analyze(journal);
    }

    @Benchmark
    public Assessment conversationFourTurnsCalibrated() {
        return calibrated.analyze(conversation);
    }

    @Benchmark
    public Assessment journal150WordsCalibrated() {
        return calibrated.analyze(journal);
    }
}
