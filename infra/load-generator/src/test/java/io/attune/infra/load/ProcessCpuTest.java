package io.attune.infra.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCpuTest {

    @Test
    void userAndSystemTicksAddUpToSeconds() {
        // A command name with spaces and parentheses must not shift the fields.
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 9 0 0 0 1234 567 0 0 20 0 40 0 100 0 0";
        assertThat(ProcessCpu.parseStat(stat)).isEqualTo((1234 + 567) / 100.0);
    }

    @Test
    void pidFilesNameTheProcesses(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("journal-service.pid"), "123\n");
        Files.writeString(dir.resolve("kafka.pid"), "456");
        Files.writeString(dir.resolve("broken.pid"), "not a pid");
        Files.writeString(dir.resolve("notes.txt"), "789");
        assertThat(ProcessCpu.pids(dir)).containsExactly(java.util.Map.entry("journal-service", 123L),
                java.util.Map.entry("kafka", 456L));
    }

    @Test
    void thisProcessHasUsedSomeCpu() {
        long self = ProcessHandle.current().pid();
        assertThat(ProcessCpu.seconds(self)).isPresent();
        assertThat(ProcessCpu.seconds(self).getAsDouble()).isPositive();
    }
}
