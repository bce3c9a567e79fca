package io.attune.chassis.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 7807 problem details, with the invalid fields of a 400. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://attune.io/problems/";

    public static Problem of(int status, String slug, String title, String detail, String instance,
            List<FieldError> errors) {
        return new Problem(TYPE_BASE + slug, title, status, detail, instance, errors);
    }
}
