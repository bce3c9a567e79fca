package io.attune.journal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.attune.chassis.text.Text;

/** A feeling the client reported themselves, with an intensity from 1 to 10. */
public record EmotionTag(
        @Text(max = 40) String label,
        @NotNull @Min(1) @Max(10) Integer intensity) {
}
