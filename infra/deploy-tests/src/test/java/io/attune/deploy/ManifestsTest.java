package io.attune.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.attune.deploy.ManifestValidator.Document;
import org.junit.jupiter.api.Test;

/** Every manifest in infra/k8s is valid for its kind, and each service's objects fit together. */
class ManifestsTest {

    private static final Path K8S = Path.of(Objects.requireNonNull(System.getProperty("attune.k8s.dir"),
            "attune.k8s.dir is set by the pom"));

    private static List<Document> all() {
        return ManifestValidator.manifests(K8S).stream().flatMap(f -> ManifestValidator.read(f).stream()).toList();
    }

    @Test
    void everyManifestMatchesTheSchemaOfItsKind() {
        List<Document> documents = all();
        assertThat(documents).extracting(Document::type).contains("apps/v1/Deployment", "v1/Service",
                "policy/v1/PodDisruptionBudget", "networking.k8s.io/v1/NetworkPolicy",
                "monitoring.coreos.com/v1/ServiceMonitor", "keda.sh/v1alpha1/ScaledObject",
                "kafka.strimzi.io/v1beta2/KafkaTopic", "autoscaling/v2/HorizontalPodAutoscaler", "v1/ConfigMap");
        List<String> problems = new ArrayList<>();
        for (Document document : documents) {
            ManifestValidator.violations(document).forEach(p -> problems.add(document + ": " + p));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDeploymentHasItsServicePodDisruptionBudgetNetworkPolicyAndServiceMonitor() {
        List<Document> documents = all();
        List<Document> deployments = ofType(documents, "apps/v1/Deployment");
        assertThat(deployments).hasSize(3);
        for (Document deployment : deployments) {
            String name = deployment.name();
            JsonNode podLabels = deployment.tree().at("/spec/template/metadata/labels");
            JsonNode container = deployment.tree().at("/spec/template/spec/containers/0");
            int containerPort = container.at("/ports/0/containerPort").asInt();

            assertThat(matches(deployment.tree().at("/spec/selector/matchLabels"), podLabels)).as(name).isTrue();
            Document service = named(documents, "v1/Service", name);
            assertThat(matches(service.tree().at("/spec/selector"), podLabels)).as(name + " Service").isTrue();
            Document budget = named(documents, "policy/v1/PodDisruptionBudget", name);
            assertThat(matches(budget.tree().at("/spec/selector/matchLabels"), podLabels)).as(name + " PDB").isTrue();
            Document policy = named(documents, "networking.k8s.io/v1/NetworkPolicy", name);
            assertThat(matches(policy.tree().at("/spec/podSelector/matchLabels"), podLabels))
                    .as(name + " NetworkPolicy").isTrue();
            assertThat(policy.tree().at("/spec/ingress").findValues("port")).extracting(JsonNode::asInt)
                    .as(name + " NetworkPolicy ingress ports").containsOnly(containerPort);
            Document monitor = named(documents, "monitoring.coreos.com/v1/ServiceMonitor", name);
            assertThat(matches(monitor.tree().at("/spec/selector/matchLabels"), service.tree().at("/metadata/labels")))
                    .as(name + " ServiceMonitor selects the Service").isTrue();
            List<String> servicePorts = StreamSupport.stream(service.tree().at("/spec/ports").spliterator(), false)
                    .map(port -> port.path("name").asText()).toList();
            assertThat(servicePorts).as(name + " ServiceMonitor port")
                    .contains(monitor.tree().at("/spec/endpoints/0/port").asText());
            assertThat(monitor.tree().at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
        }
    }

    @Test
    void anUnknownFieldIsRejected() {
        assertThat(violations("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {app: x}}
                  template:
                    metadata: {labels: {app: x}}
                    spec:
                      containers:
                        - name: x
                          image: x
                          imagePullPolcy: Always
                """)).singleElement().asString().contains("imagePullPolcy");
    }

    @Test
    void aValueOfTheWrongTypeIsRejected() {
        assertThat(violations("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: x}
                spec:
                  maxUnavailable: 1
                  selector: {matchLabels: {app: x}}
                  unhealthyPodEvictionPolicy: [AlwaysAllow]
                """)).isNotEmpty();
        assertThat(violations("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: x}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: x}
                  maxReplicas: "8"
                """)).isNotEmpty();
    }

    @Test
    void aMissingRequiredFieldIsRejected() {
        assertThat(violations("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {app: x}}
                """)).containsExactly("/spec/endpoints/0 is required");
    }

    @Test
    void anInvalidScaledObjectIsRejected() {
        assertThat(violations("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: x}
                spec:
                  scaleTargetRef: {name: x}
                  maxReplicas: 6
                  triggers:
                    - type: kafka
                      metadata: {lagThreshold: 100}
                """)).hasSize(2).anyMatch(v -> v.contains("maxReplicas")).anyMatch(v -> v.contains("lagThreshold"));
        assertThat(violations("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: x}
                spec:
                  scaleTargetRef: {name: x}
                  triggers: []
                """)).isNotEmpty();
    }

    @Test
    void aKindWithoutASchemaIsRejected() {
        assertThat(violations("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: x}
                """)).singleElement().asString().startsWith("no schema for example.com/v1/Widget");
    }

    private static List<String> violations(String yaml) {
        try {
            return ManifestValidator.violations(new Document(Path.of("inline.yaml"), 0, new YAMLMapper().readTree(yaml)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Document> ofType(List<Document> documents, String type) {
        return documents.stream().filter(d -> d.type().equals(type)).toList();
    }

    private static Document named(List<Document> documents, String type, String name) {
        return ofType(documents, type).stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    /** Whether every label of the selector is on the target, as Kubernetes matches matchLabels. */
    private static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> label : selector.properties()) {
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
