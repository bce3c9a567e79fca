package io.attune.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The shipped learned tier is exactly what {@link SafetyModelTrainer} makes of the safety corpus today: retrained,
 * it is byte for byte the same file. After changing the corpus, the grammar or the trainer, regenerate it with
 * {@code -Dsafety.writeModel=<path of safety-model.tsv>}.
 */
class SafetyModelTest {
    private static final AttunementAnalyzer ANALYZER = new AttunementAnalyzer();

    @Test
    void shippedModelIsTheModelTrainedOnTheCorpus() throws IOException {
        String trained = SafetyModelTrainer.train();
        String target = System.getProperty("safety.writeModel");
        if (target != null) {
            Files.writeString(Path.of(target), trained, StandardCharsets.UTF_8);
        }
        try (InputStream in = SafetyModel.class.getResourceAsStream(SafetyModel.RESOURCE)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(trained);
        }
    }

    @Test
    void hashedFeaturesAreTheNamedOnesTheModelWasTrainedOn() {
        SafetyModel.Features features = ANALYZER.safetyDocuments(new JournalEntry("I cut again. Again.", List.of(),
            null, "en")).get(0).features();
        assertThat(features.names()).startsWith("w:i", "b:i_cut", "w:cut", "b:cut_again", "c:#cut", "c:cut#",
            "w:again", "c:#aga");
        assertThat(features.names()).contains("g:crisis", "g:crisis:self-harm");
        // a model that knows only one feature reads it from the hash the text produced
        SafetyModel model = SafetyModel.parse("classes\tnone\tsuicidal-ideation\tself-harm\tharm-to-others"
            + "\tdomestic-abuse\tchild-at-risk\nbias\t0\t0\t0\t0\t0\t0\nb:cut_again\t-3\t0\t2\t0\t0\t0\n");
        SafetyModel.Reading reading = model.read(features);
        assertThat(reading.category()).isEqualTo("self-harm");
        SafetyModel.Lead lead = model.lead(features);
        assertThat(lead.feature()).isEqualTo("b:cut_again");
        assertThat(lead.text()).isZero();
        assertThat(lead.sentence()).isZero();
        assertThat(reading.crisis()).isCloseTo(1 - 1 / (1 + Math.exp(3 / Math.sqrt(distinct(features)))),
            org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void readsAWordingNoPatternCoversAndIgnoresAnOrdinaryDay() {
        JournalEntry preparations = new JournalEntry("Sorted all my passwords into one envelope for my sister and rang "
            + "the vet about who takes the dog from Friday. After that nobody has to deal with me any more.", List.of(),
            null, "en");
        assertThat(new SafetyScreen(new RiskGrammar(), null).documents(List.of(), false)).isEmpty();
        Assessment disclosure = ANALYZER.analyze(preparations);
        assertThat(disclosure.safety().level()).isNotEqualTo(SafetyLevel.NONE);
        assertThat(disclosure.safety().evidence()).singleElement()
            .satisfies(e -> assertThat(e.text()).startsWith("Sorted all my passwords"));
        Assessment ordinary = ANALYZER.analyze(new JournalEntry("We had pasta and watched a film. The dog was "
            + "happy to see my sister.", List.of(), null, "en"));
        assertThat(ordinary.safety().level()).isEqualTo(SafetyLevel.NONE);
    }

    private static long distinct(SafetyModel.Features features) {
        return features.names().stream().distinct().count();
    }
}
