package io.attune.journal.rest;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.attune.chassis.text.Text;
import io.attune.journal.ConversationSample;
import io.attune.journal.Relationship;
import io.attune.journal.Turn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConversationRequest", description = "A few turns between the client and someone close to them.")
public record ConversationRequest(
        @Schema(description = "Who the other person is to the client.", required = true)
        @NotNull Relationship relationship,
        @Schema(description = "Which speaker is the client; must be one of the turns' speakers.", required = true)
        @Text(max = 40) String clientSpeaker,
        @Schema(description = "The turns in order, 2 to 50, each text at most 2000 characters.", required = true)
        @NotNull @Size(min = ConversationSample.MIN_TURNS, max = ConversationSample.MAX_TURNS)
        List<@Valid @NotNull Turn> turns,
        @Schema(description = "When it happened; defaults to the time of the request.")
        OffsetDateTime occurredAt,
        @Schema(description = "BCP 47 language tag; defaults to en.", example = "en")
        @Pattern(regexp = Validation.LOCALE_PATTERN, message = "must be a language tag such as en or en-GB") String locale) {

    @Override
    public String toString() {
        return "ConversationRequest[relationship=" + relationship + ", turns=" + (turns == null ? 0 : turns.size()) + "]";
    }
}
