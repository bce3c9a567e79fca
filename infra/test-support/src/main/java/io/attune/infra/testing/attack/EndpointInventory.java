package io.attune.infra.testing.attack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * The endpoints a service really has, found two independent ways so that neither can miss one: by reflection over
 * every class the service compiled (class and method {@code @Path}, and any annotation that is itself
 * {@code @HttpMethod}), and from the OpenAPI document the running service serves. Annotations are matched by
 * name, so the scan works whichever class loader loaded the JAX-RS API.
 */
public final class EndpointInventory {

    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
    private static final Set<String> OPENAPI_METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
            "options");

    private EndpointInventory() {
    }

    /** Both sources together. */
    public static Set<Endpoint> of(Class<?> anyClassOfTheService) {
        Set<Endpoint> all = new TreeSet<>(jaxrs(anyClassOfTheService));
        all.addAll(openApi());
        return all;
    }

    /** Every resource method of every class in the build output that holds {@code anyClassOfTheService}. */
    public static Set<Endpoint> jaxrs(Class<?> anyClassOfTheService) {
        Path root;
        try {
            root = Path.of(anyClassOfTheService.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("expected the service's classes in a directory, found " + root);
        }
        Set<Endpoint> endpoints = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .forEach(name -> endpoints.addAll(endpointsOf(load(name, anyClassOfTheService))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return endpoints;
    }

    /** The paths and operations of {@code /q/openapi}, which the running application serves to anyone. */
    public static Set<Endpoint> openApi() {
        String document = RestAssured.given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        Map<String, Map<String, Object>> paths = JsonPath.from(document).getMap("paths");
        Set<Endpoint> endpoints = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream().filter(OPENAPI_METHODS::contains)
                .forEach(method -> endpoints.add(new Endpoint(method, path))));
        return endpoints;
    }

    static Set<Endpoint> endpointsOf(Class<?> type) {
        Set<Endpoint> endpoints = new TreeSet<>();
        if (type == null) {
            return endpoints;
        }
        String base = path(type.getAnnotations());
        Method[] methods;
        try {
            methods = type.getDeclaredMethods();
        } catch (LinkageError e) {
            return endpoints; // a class that cannot be resolved here is no resource either
        }
        for (Method method : methods) {
            String httpMethod = httpMethod(method.getAnnotations());
            if (httpMethod == null) {
                continue;
            }
            String sub = path(method.getAnnotations());
            endpoints.add(new Endpoint(httpMethod, (base == null ? "" : base) + "/" + (sub == null ? "" : sub)));
        }
        return endpoints;
    }

    private static Class<?> load(String name, Class<?> anchor) {
        try {
            return Class.forName(name, false, anchor.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String path(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals(PATH)) {
                try {
                    return (String) annotation.annotationType().getMethod("value").invoke(annotation);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    private static String httpMethod(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            for (Annotation meta : annotation.annotationType().getAnnotations()) {
                if (meta.annotationType().getName().equals(HTTP_METHOD)) {
                    try {
                        return (String) meta.annotationType().getMethod("value").invoke(meta);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return null;
    }
}
