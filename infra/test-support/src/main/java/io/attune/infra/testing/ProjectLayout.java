package io.attune.infra.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root from wherever a test JVM runs (module directory or root). */
public final class ProjectLayout {

    private ProjectLayout() {
    }

    public static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("infra/local-stack/pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("not inside the Attune repository: " + dir);
    }

    public static Path eventsDir() {
        return root().resolve("docs/events");
    }

    public static Path runDir() {
        return root().resolve(".run");
    }

    static String localStackClasspath() {
        Path module = root().resolve("infra/local-stack/target");
        Path classes = module.resolve("classes");
        Path lib = module.resolve("lib");
        if (!Files.isDirectory(classes) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("the local stack is not built; run: mvn -pl infra/local-stack -am package -DskipTests");
        }
        return classes + File.pathSeparator + lib.resolve("*");
    }
}
