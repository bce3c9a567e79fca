package io.attune.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Validates Kubernetes manifests against the schema of each document's apiVersion and kind.
 *
 * <p>Built-in kinds, the Prometheus Operator's ServiceMonitor and Strimzi's KafkaTopic are checked against their
 * generated Java API models (fabric8 and Strimzi, from Maven Central), deserialized strictly: an unknown field,
 * a value of the wrong type or a string where the API wants a number fails, as the API server's strict field
 * validation would. The models keep unknown fields in a catch-all map by default; that is switched off here. The
 * models do not know which fields are required, so the required fields of the OpenAPI schemas are checked
 * separately. KEDA's ScaledObject has no such model: it is checked against a JSON Schema written from its CRD.
 */
final class ManifestValidator {

    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class,
            "v1/Service", io.fabric8.kubernetes.api.model.Service.class,
            "apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler",
            io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class,
            "monitoring.coreos.com/v1/ServiceMonitor",
            io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class);

    /** Required fields, from the OpenAPI schemas of each kind (the Java models cannot tell). */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "v1/Service", List.of("/spec/ports/0/port"),
            "apps/v1/Deployment", List.of("/spec/selector/matchLabels", "/spec/template/metadata/labels",
                    "/spec/template/spec/containers/0/name", "/spec/template/spec/containers/0/image"),
            "autoscaling/v2/HorizontalPodAutoscaler", List.of("/spec/scaleTargetRef/kind",
                    "/spec/scaleTargetRef/name", "/spec/maxReplicas"),
            "policy/v1/PodDisruptionBudget", List.of("/spec/selector"),
            "networking.k8s.io/v1/NetworkPolicy", List.of("/spec/podSelector"),
            "monitoring.coreos.com/v1/ServiceMonitor", List.of("/spec/selector", "/spec/endpoints/0"),
            "kafka.strimzi.io/v1beta2/KafkaTopic", List.of("/spec/partitions", "/spec/replicas"));

    private static final Map<String, String> JSON_SCHEMAS = Map.of(
            "keda.sh/v1alpha1/ScaledObject", "/schemas/keda.sh/v1alpha1/scaledobject.schema.json");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .annotationIntrospector(new StrictIntrospector())
            .build();
    private static final SchemaRegistry SCHEMA_REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12);

    /** One YAML document of a manifest file. */
    record Document(Path file, int index, JsonNode tree) {

        String type() {
            return tree.path("apiVersion").asText() + "/" + tree.path("kind").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return file.getFileName() + "#" + index + " (" + type() + " " + name() + ")";
        }
    }

    private ManifestValidator() {
    }

    /** Every non-empty YAML document of the file, parsed by a YAML 1.1 parser (SnakeYAML), as kubectl does. */
    static List<Document> read(Path file) {
        List<Document> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            int index = 0;
            while (values.hasNextValue()) {
                JsonNode tree = values.nextValue();
                if (tree != null && !tree.isNull() && !tree.isMissingNode()) {
                    documents.add(new Document(file, index, tree));
                }
                index++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
        return documents;
    }

    /** The schema violations of one document; empty when it is valid. */
    static List<String> violations(Document document) {
        String type = document.type();
        List<String> problems = new ArrayList<>();
        if (document.name().isEmpty()) {
            problems.add("metadata.name is required");
        }
        Class<?> model = MODELS.get(type);
        String schema = JSON_SCHEMAS.get(type);
        if (model != null) {
            try {
                STRICT.treeToValue(document.tree(), model);
            } catch (IOException e) {
                problems.add(e.getMessage().lines().findFirst().orElse(e.toString()) + " at " + path(e));
            }
            for (String pointer : REQUIRED.getOrDefault(type, List.of())) {
                if (document.tree().at(pointer).isMissingNode() || document.tree().at(pointer).isNull()) {
                    problems.add(pointer + " is required");
                }
            }
        } else if (schema != null) {
            jsonSchema(schema).validate(document.tree().toString(), InputFormat.JSON)
                    .forEach(error -> problems.add(error.getInstanceLocation() + ": " + error.getMessage()));
        } else {
            problems.add("no schema for " + type + ": add one to " + ManifestValidator.class.getSimpleName());
        }
        return problems;
    }

    private static String path(IOException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            return mapping.getPathReference();
        }
        return "?";
    }

    private static Schema jsonSchema(String resource) {
        try (InputStream in = ManifestValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + resource);
            }
            return SCHEMA_REGISTRY.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every manifest under {@code dir}, recursively. */
    static List<Path> manifests(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns off the models' catch-all for unknown fields and any ignore-unknown annotation. */
    private static final class StrictIntrospector extends JacksonAnnotationIntrospector {

        @Override
        public Boolean hasAnySetter(Annotated a) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
            JsonIgnoreProperties.Value declared = super.findPropertyIgnoralByName(config, a);
            return declared.withoutIgnoreUnknown();
        }
    }
}
