package io.attune.infra.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void submissionsAreDueAtFixedIntervalsFromTheStart() {
        Schedule schedule = new Schedule(1000, 60);
        assertThat(schedule.total()).isEqualTo(60_000);
        assertThat(schedule.dueNanos(0)).isZero();
        assertThat(schedule.dueNanos(1)).isEqualTo(1_000_000);
        assertThat(schedule.dueNanos(59_999)).isEqualTo(59_999_000_000L);
    }

    @Test
    void dueTimesDoNotDriftAtRatesThatDoNotDivideASecond() {
        Schedule schedule = new Schedule(3, 10);
        assertThat(schedule.total()).isEqualTo(30);
        // Computed from the index, not accumulated: submission 3k is due exactly at k seconds.
        assertThat(schedule.dueNanos(3)).isEqualTo(1_000_000_000L);
        assertThat(schedule.dueNanos(29)).isEqualTo(9_666_666_667L);
    }

    @Test
    void aFractionalRunStillSendsSomething() {
        assertThat(new Schedule(0.5, 1).total()).isEqualTo(1);
        assertThat(new Schedule(2.5, 3).total()).isEqualTo(8);
    }

    @Test
    void rateAndDurationMustBePositive() {
        assertThatThrownBy(() -> new Schedule(0, 10)).hasMessageContaining("rate");
        assertThatThrownBy(() -> new Schedule(10, -1)).hasMessageContaining("seconds");
        assertThatThrownBy(() -> new Schedule(Double.NaN, 1)).hasMessageContaining("rate");
    }
}
