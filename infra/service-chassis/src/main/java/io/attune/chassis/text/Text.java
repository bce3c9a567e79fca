package io.attune.chassis.text;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A text field of a request, checked by the rules of {@link TextRules}: required and not blank (unless
 * {@link #optional()}, when null passes but a present value must still hold a visible character), at most
 * {@link #max()} code points, without control characters other than newline and tab, and, for {@link #catalog()}
 * text, without bidirectional overrides or isolates. Replaces {@code @NotBlank @Size(max)} on every text field.
 */
@Documented
@Constraint(validatedBy = TextValidator.class)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface Text {

    /** Most characters (code points). */
    int max();

    /** Null is allowed. */
    boolean optional() default false;

    /** Catalog text, shown to every client: bidirectional controls are refused too. */
    boolean catalog() default false;

    String message() default "must be text without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
