package io.attune.journal.rest;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.attune.chassis.text.Text;
import io.attune.journal.Context;
import io.attune.journal.EmotionTag;
import io.attune.journal.JournalEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JournalEntryRequest", description = "A journal entry: what the client felt, noticed and why.")
public record JournalEntryRequest(
        @Schema(description = "The entry, in the client's words.", maxLength = JournalEntry.MAX_TEXT_LENGTH)
        @Text(max = JournalEntry.MAX_TEXT_LENGTH) String text,
        @Schema(description = "Feelings the client tagged, with intensity 1-10.", maxItems = 20)
        @Size(max = 20) List<@Valid @NotNull EmotionTag> emotions,
        @Schema(description = "Who the entry is about; defaults to self.")
        Context context,
        @Schema(description = "When it happened; defaults to the time of the request.")
        OffsetDateTime occurredAt,
        @Schema(description = "BCP 47 language tag; defaults to en.", example = "en-GB")
        @Pattern(regexp = Validation.LOCALE_PATTERN, message = "must be a language tag such as en or en-GB") String locale) {

    @Override
    public String toString() {
        return "JournalEntryRequest[context=" + context + "]";
    }
}
