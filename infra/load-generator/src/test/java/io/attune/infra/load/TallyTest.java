package io.attune.infra.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TallyTest {

    private static final long MS = 1_000_000L;

    @Test
    void latencyRunsFromTheIntendedSendTimeToTheFirstRecommendation() {
        Tally tally = new Tally();
        tally.sent("c-0", 1_000 * MS);
        tally.accepted("c-0", 1_300 * MS); // the POST itself was late: that counts against the system
        tally.recommendation("c-0", "ev-1", 1_500 * MS);
        tally.recommendation("c-0", "ev-2", 1_900 * MS); // a second recommendation of the same submission

        assertThat(tally.recommended()).isEqualTo(1);
        assertThat(tally.toRecommendation().getMaxValue()).isBetween(499_000L, 501_000L);
        assertThat(tally.toAccepted().getMaxValue()).isBetween(299_000L, 301_000L);
        assertThat(tally.duplicated()).isZero();
    }

    @Test
    void aRedeliveredEventIsCountedAsDuplicated() {
        Tally tally = new Tally();
        tally.sent("c-0", 0);
        tally.accepted("c-0", MS);
        tally.recommendation("c-0", "ev-1", 2 * MS);
        tally.recommendation("c-0", "ev-1", 3 * MS);
        assertThat(tally.duplicated()).isEqualTo(1);
        assertThat(tally.recommended()).isEqualTo(1);
    }

    @Test
    void acceptedSubmissionsWithoutRecommendationAreLost() {
        Tally tally = new Tally();
        for (int i = 0; i < 4; i++) {
            tally.sent("c-" + i, i * MS);
        }
        tally.accepted("c-0", 5 * MS);
        tally.accepted("c-1", 5 * MS);
        tally.accepted("c-2", 5 * MS);
        tally.reject(); // c-3 answered 4xx: not accepted, so not lost either
        tally.recommendation("c-1", "ev-1", 9 * MS);

        assertThat(tally.posting()).isZero();
        assertThat(tally.lost()).isEqualTo(2);
        assertThat(tally.awaiting()).isEqualTo(2);
    }

    @Test
    void aRecommendationMayOvertakeThe202() {
        Tally tally = new Tally();
        tally.sent("c-0", 0);
        tally.recommendation("c-0", "ev-1", 4 * MS);
        tally.accepted("c-0", 6 * MS);
        assertThat(tally.lost()).isZero();
        assertThat(tally.recommended()).isEqualTo(1);
    }

    @Test
    void recordsOfOtherClientsAreIgnored() {
        Tally tally = new Tally();
        tally.sent("c-0", 0);
        tally.recommendation("someone-else", "ev-9", MS);
        tally.recommendation(null, "ev-10", MS);
        assertThat(tally.recommended()).isZero();
        assertThat(tally.duplicated()).isZero();
        assertThat(tally.toRecommendation().getTotalCount()).isZero();
    }
}
