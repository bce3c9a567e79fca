package io.attune.chassis.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Text}; the violation says which rule failed, never what the text was. */
public class TextValidator implements ConstraintValidator<Text, String> {

    private Text rule;

    @Override
    public void initialize(Text annotation) {
        this.rule = annotation;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        String problem = problem(value, rule.max(), rule.optional(), rule.catalog());
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    /** Why {@code value} breaks the rule, or null when it does not. */
    static String problem(String value, int max, boolean optional, boolean catalog) {
        if (value == null) {
            return optional ? null : "must not be blank";
        }
        if (TextRules.hasForbiddenControl(value)) {
            return "must not contain control characters other than newline and tab";
        }
        if (catalog && TextRules.hasBidiControl(value)) {
            return "must not contain bidirectional override or isolate characters";
        }
        if (TextRules.isBlank(value)) {
            return "must not be blank";
        }
        if (TextRules.length(value) > max) {
            return "must be at most " + max + " characters";
        }
        return null;
    }
}
