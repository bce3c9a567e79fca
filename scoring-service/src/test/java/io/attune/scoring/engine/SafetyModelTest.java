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
 * The shipped semantic tier is exactly what {@link SafetyModelTrainer} makes of the tuning part today: retrained,
 * it is byte for byte the same file. After changing the tuning corpus, the grammar's normalisation or the
 * trainer, regenerate it with {@code -Dsafety.writeModel=<path of safety-model.tsv>}.
 */
class SafetyModelTest {

    @Test
    void shippedModelIsTheModelTrainedOnTheTuningPart() throws IOException {
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
    void readsAWordingNoPatternCoversAndNamesTheFeatureThatLed() {
        SafetyModel model = SafetyModel.load();
        RiskGrammar grammar = new RiskGrammar();
        AttunementAnalyzer analyzer = new AttunementAnalyzer();
        SafetyModel.Reading reading = model.read(grammar.normalize(analyzer.tokenize(
            "I keep thinking everyone would be fine if I just stopped being around, I want to die honestly")));
        assertThat(reading).isNotNull();
        assertThat(reading.category()).isEqualTo("suicidal-ideation");
        assertThat(reading.probability()).isGreaterThan(SafetyScreen.SEMANTIC_CRISIS);
        assertThat(reading.feature()).startsWith("w:").isNotBlank();
        assertThat(model.read(grammar.normalize(analyzer.tokenize("We had pasta and watched a film."))))
            .satisfiesAnyOf(r -> assertThat(r).isNull(),
                r -> assertThat(r.probability()).isLessThan(SafetyScreen.SEMANTIC_CONCERN));
        assertThat(SafetyModel.features(grammar.normalize(analyzer.tokenize("I cut again. Again."))))
            .isEqualTo(List.of("w:i", "b:i_cut", "w:cut", "b:cut_again", "w:again"));
    }
}
