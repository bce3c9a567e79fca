package io.attune.infra.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {

    @Test
    void defaultsComeFromTheEnvironment() {
        Options options = Options.parse(new String[] {"--rate", "50", "--seconds=10"},
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19392", "ATTUNE_JOURNAL_URL", "http://h:18081/",
                        "ATTUNE_TOKEN", " abc "));
        assertThat(options.schedule().total()).isEqualTo(500);
        assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:19392");
        assertThat(options.journalUrl()).hasToString("http://h:18081");
        assertThat(options.token()).contains("abc");
        assertThat(options.mix().conversationShare()).isEqualTo(1.0);
    }

    @Test
    void aTokenFileWinsOverTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "from-file\n");
        Options options = Options.parse(new String[] {"--rate", "1", "--seconds", "1", "--token-file",
                file.toString()}, Map.of("ATTUNE_TOKEN", "from-env"));
        assertThat(options.token()).contains("from-file");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--seconds", "1"}, Map.of()))
                .hasMessageContaining("--rate is required");
        assertThatThrownBy(() -> Options.parse(new String[] {"--rate", "1", "--seconds", "1", "--speed", "2"},
                Map.of())).hasMessageContaining("unknown option --speed");
        assertThatThrownBy(() -> Options.parse(new String[] {"--rate", "fast", "--seconds", "1"}, Map.of()))
                .hasMessageContaining("--rate must be a number");
        assertThatThrownBy(() -> Options.parse(new String[] {"--rate", "1", "--seconds", "1", "--client-prefix",
                "a/b"}, Map.of())).hasMessageContaining("--client-prefix");
    }
}
