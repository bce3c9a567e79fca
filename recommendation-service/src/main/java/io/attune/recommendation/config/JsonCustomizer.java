package io.attune.recommendation.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.recommendation.policy.Trend;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Writes policy enums in the API's lower-case wire form ({@code improving}, like statuses are {@code active}),
 * without Jackson annotations in the plain-Java policy package.
 */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(Trend.class, TrendWireName.class);
    }

    private abstract static class TrendWireName {

        @JsonValue
        abstract String label();
    }
}
