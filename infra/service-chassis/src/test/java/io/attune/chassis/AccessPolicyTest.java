package io.attune.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;

import io.attune.chassis.problem.ProblemException;
import io.attune.chassis.security.AccessPolicy;
import io.attune.chassis.security.Caller;
import io.attune.chassis.security.ClientAccess;
import io.attune.chassis.security.ClientAction;
import io.attune.chassis.security.Grant;
import io.attune.chassis.security.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The authorisation rules as a table. Client {@code c1} belongs to tenant {@code acme}; coach {@code k1} is
 * assigned to them, coach {@code k2} is not. {@code consent} says whether the client shares their words.
 */
class AccessPolicyTest {

    @ParameterizedTest(name = "{0} {1}/{2} {3} on {4} (known={5}, consent={6}) -> {7}")
    @CsvSource(delimiter = '|', value = {
            // role | subject | tenant | action | client | known | consent | expected (200 text, 200 no-text, 403, 404)
            "client | c1    | acme  | SUBMIT            | c1 | true  | false | text",
            "client | c1    | acme  | SUBMIT            | c1 | false | false | text",
            "client | c1    | acme  | READ_TEXT         | c1 | true  | false | text",
            "client | c2    | acme  | READ_TEXT         | c1 | true  | true  | 404",
            "client | c1    | other | READ_SCORES       | c1 | true  | true  | 404",
            "client | c1    | acme  | ACKNOWLEDGE_ALERT | c1 | true  | true  | 403",
            "client | c1    | acme  | ASSIGN_COACH      | c1 | true  | true  | 403",
            "client | c1    | acme  | READ_SCORES       | c1 | false | true  | 404",
            "app    | a     | acme  | SUBMIT            | c1 | true  | false | text",
            "app    | a     | acme  | SUBMIT            | c9 | false | false | text",
            "app    | a     | acme  | READ_TEXT         | c1 | true  | false | text",
            "app    | a     | acme  | ERASE             | c1 | true  | false | text",
            "app    | a     | acme  | ERASE             | c9 | false | false | text",
            "client | c9    | acme  | ERASE             | c9 | false | false | text",
            "app    | a     | acme  | ASSIGN_COACH      | c1 | true  | false | text",
            "app    | a     | other | READ_TEXT         | c1 | true  | true  | 404",
            "app    | a     | other | SUBMIT            | c1 | true  | true  | 404",
            "app    | a     | acme  | READ_SCORES       | c9 | false | false | 404",
            "app    | a     | acme  | ACKNOWLEDGE_ALERT | c1 | true  | false | 403",
            "coach  | k1    | acme  | READ_SCORES       | c1 | true  | false | scores",
            "coach  | k1    | acme  | READ_SCORES       | c1 | true  | true  | text",
            "coach  | k1    | acme  | READ_TEXT         | c1 | true  | true  | text",
            "coach  | k1    | acme  | READ_TEXT         | c1 | true  | false | 403",
            "coach  | k1    | acme  | ACKNOWLEDGE_ALERT | c1 | true  | false | scores",
            "coach  | k2    | acme  | READ_SCORES       | c1 | true  | true  | 404",
            "coach  | k1    | other | READ_SCORES       | c1 | true  | true  | 404",
            "coach  | k1    | acme  | SUBMIT            | c1 | true  | true  | 403",
            "coach  | k1    | acme  | ERASE             | c1 | true  | true  | 403",
            "coach  | k1    | acme  | READ_AUDIT        | c1 | true  | true  | 403",
            "coach  | k1    | acme  | READ_SCORES       | c9 | false | true  | 404",
            "admin  | root  | acme  | ASSIGN_COACH      | c1 | true  | true  | text",
            "admin  | root  | acme  | READ_TEXT         | c1 | true  | true  | 403",
            "admin  | root  | acme  | READ_SCORES       | c1 | true  | true  | 403",
            "service | scoring | attune | READ_TEXT      | c1 | true  | true  | 403",
            "service | scoring | acme  | READ_SCORES      | c1 | true  | true  | 403",
            "service | scoring | acme  | SUBMIT           | c1 | true  | true  | 403",
            "service | scoring | acme  | ERASE            | c1 | true  | true  | 403",
            "admin  | root  | other | ASSIGN_COACH      | c1 | true  | true  | 404",
    })
    void decides(String role, String subject, String tenant, ClientAction action, String clientId, boolean known,
            boolean consent, String expected) {
        Caller caller = new Caller(subject, tenant, Role.fromWire(role).orElseThrow());
        Optional<ClientAccess> access = known
                ? Optional.of(new ClientAccess("c1", "acme", Set.of("k1"), consent))
                : Optional.empty();
        Optional<ClientAccess> forClient = access.filter(a -> a.clientId().equals(clientId));
        switch (expected) {
            case "text", "scores" -> {
                Grant grant = AccessPolicy.decide(caller, action, clientId, forClient);
                assertThat(grant.textVisible()).isEqualTo(expected.equals("text"));
                assertThat(grant.coachReadsText()).isEqualTo(role.equals("coach") && expected.equals("text"));
            }
            default -> assertThatThrownBy(() -> AccessPolicy.decide(caller, action, clientId, forClient))
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.status()).isEqualTo(Integer.parseInt(expected)));
        }
    }
}
