package io.attune.recommendation.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Loads the real catalog file, so policy tests exercise the shipped mapping of exercises to dimensions. */
final class CatalogFixture {

    static final String RESOURCE = "/catalog/exercises-v1.json";

    record CatalogFile(int version, List<Exercise> exercises) {
    }

    private static final CatalogFile FILE = load();

    private CatalogFixture() {
    }

    static CatalogFile file() {
        return FILE;
    }

    static List<Exercise> exercises() {
        return FILE.exercises();
    }

    private static CatalogFile load() {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = CatalogFixture.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return mapper.readValue(in, CatalogFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
