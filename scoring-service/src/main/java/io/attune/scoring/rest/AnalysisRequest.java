package io.attune.scoring.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.attune.chassis.text.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/analyses}: a conversation ({@code kind=conversation}, with relationship,
 * clientSpeaker and turns) or a journal entry ({@code kind=journal}, with text and optional emotions).
 */
@Schema(name = "AnalysisRequest")
public record AnalysisRequest(
        @Schema(enumeration = { "conversation", "journal" }, required = true)
        @NotNull @Pattern(regexp = "conversation|journal", message = "must be conversation or journal") String kind,
        @Schema(enumeration = { "partner", "child", "friend", "colleague", "coachee", "other" })
        @Pattern(regexp = "partner|child|friend|colleague|coachee|other",
                message = "must be one of partner, child, friend, colleague, coachee, other") String relationship,
        @Text(max = 40, optional = true) String clientSpeaker,
        @Size(min = 2, max = 50) List<@Valid @NotNull TurnInput> turns,
        @Text(max = 20_000, optional = true) String text,
        @Size(max = 20) List<@Valid @NotNull EmotionInput> emotions,
        @Pattern(regexp = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", message = "must be a language tag such as en or en-GB")
        String locale) {

    public record TurnInput(@Text(max = 40) String speaker, @Text(max = 2000) String text) {
    }

    public record EmotionInput(@Text(max = 40) String label, @NotNull @Min(1) @Max(10) Integer intensity) {
    }

    @Override
    public String toString() {
        return "AnalysisRequest[kind=" + kind + "]";
    }
}
