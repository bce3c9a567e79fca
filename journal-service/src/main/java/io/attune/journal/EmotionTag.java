package io.attune.journal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A feeling the client reported themselves, with an intensity from 1 to 10. */
public record EmotionTag(
        @NotBlank @Size(max = 40) String label,
        @NotNull @Min(1) @Max(10) Integer intensity) {
}
