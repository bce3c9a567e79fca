package io.attune.recommendation.policy;

import java.util.List;

/**
 * What to do after an assessment.
 *
 * @param picks       new recommendations to issue, in rank order
 * @param supersede   exercise ids of active recommendations to retire
 * @param coachAlert  whether the client's coach should be alerted
 * @param crisis      whether the current assessment is a crisis
 */
public record Decision(List<Pick> picks, List<String> supersede, boolean coachAlert, boolean crisis) {

    public Decision {
        picks = List.copyOf(picks);
        supersede = List.copyOf(supersede);
    }
}
