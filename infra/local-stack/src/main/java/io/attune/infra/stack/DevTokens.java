package io.attune.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * The local signing key and the bearer tokens made with it, for {@code infra/bin/attune} and the tests. In a
 * deployment tokens come from the organisation's OIDC provider instead; see docs/security.md.
 *
 * <pre>
 * DevTokens keys  --dir .run/keys
 * DevTokens token --dir .run/keys --role coach --sub coach-1 --tenant acme [--ttl 1h]
 * </pre>
 *
 * The key pair is an RSA 2048 key, written as {@code dev-private.pem} (PKCS#8, owner-only) and
 * {@code dev-public.pem} (X.509), made once and reused, next to the local crypto-shredding {@code master-key}. Tokens are RS256 with issuer {@value #ISSUER}.
 */
public final class DevTokens {

    public static final String ISSUER = "attune-local";
    static final String PRIVATE_KEY = "dev-private.pem";
    static final String PUBLIC_KEY = "dev-public.pem";
    static final String MASTER_KEY = "master-key";

    private final PrivateKey signingKey;

    private DevTokens(PrivateKey signingKey) {
        this.signingKey = signingKey;
    }

    /** Loads the key pair in {@code dir}, making it first if it is not there. Safe against concurrent callers. */
    public static DevTokens in(Path dir) {
        try {
            Files.createDirectories(dir);
            Path privateKey = dir.resolve(PRIVATE_KEY);
            // Test JVMs of several modules may get here at once: one of them makes the pair, under a file lock.
            try (FileChannel lock = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = lock.lock()) {
                if (!Files.exists(privateKey)) {
                    generate(dir);
                }
                if (!Files.exists(dir.resolve(MASTER_KEY))) {
                    generateMasterKey(dir);
                }
            }
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(privateKey)
                    .replaceAll("-----[A-Z ]+-----", "").strip());
            return new DevTokens(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the development key in " + dir, e);
        }
    }

    public static Path publicKey(Path dir) {
        return dir.resolve(PUBLIC_KEY);
    }

    /**
     * The local master key that wraps the clients' data keys ({@code attune.crypto.master-key-file}): 32 random
     * bytes in base64, owner-only, made with the key pair. A deployment sets its own from a Secret.
     */
    public static Path masterKey(Path dir) {
        return dir.resolve(MASTER_KEY);
    }

    /** A signed token for {@code role} with the given subject and tenant, valid for {@code ttl}. */
    public String token(String role, String subject, String tenant, Duration ttl) {
        return sign(claims(role, subject, tenant, Instant.now(), ttl), signingKey);
    }

    /** A token that expired {@code ago} (for tests of expiry). */
    public String expiredToken(String role, String subject, String tenant, Duration ago) {
        return sign(claims(role, subject, tenant, Instant.now().minus(ago).minus(Duration.ofHours(1)),
                Duration.ofHours(1)), signingKey);
    }

    /** The same claims signed by another key (for tests of forged tokens). */
    public static String foreignToken(String role, String subject, String tenant) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(claims(role, subject, tenant, Instant.now(), Duration.ofHours(1)),
                    generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims, unsigned, with {@code "alg": "none"} (for tests that such tokens are refused). */
    public static String unsignedToken(String role, String subject, String tenant) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(claims(role, subject, tenant, Instant.now(), Duration.ofHours(1)).toJson()
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + body + ".";
    }

    private static JwtClaims claims(String role, String subject, String tenant, Instant issuedAt, Duration ttl) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("tenant", tenant);
        claims.setStringListClaim("groups", List.of(role));
        claims.setClaim("iat", issuedAt.getEpochSecond());
        claims.setClaim("exp", issuedAt.plus(ttl).getEpochSecond());
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    private static String sign(JwtClaims claims, PrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign the token", e);
        }
    }

    private static void generate(Path dir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(dir.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Path privateKey = dir.resolve(PRIVATE_KEY);
        Files.deleteIfExists(privateKey);
        Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }

    private static void generateMasterKey(Path dir) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path file = dir.resolve(MASTER_KEY);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    public static void main(String[] args) {
        if (args.length == 0 || !List.of("keys", "token").contains(args[0])) {
            System.err.println("usage: DevTokens keys --dir DIR | token --dir DIR --role ROLE --sub SUBJECT "
                    + "--tenant TENANT [--ttl 1h]");
            System.exit(2);
        }
        Map<String, String> options = LauncherArgs.parse(java.util.Arrays.copyOfRange(args, 1, args.length));
        Path dir = Path.of(options.getOrDefault("dir", ".run/keys"));
        DevTokens tokens = DevTokens.in(dir);
        if (args[0].equals("keys")) {
            System.out.println(publicKey(dir).toAbsolutePath());
            return;
        }
        for (String required : List.of("role", "sub", "tenant")) {
            if (!options.containsKey(required)) {
                System.err.println("missing --" + required);
                System.exit(2);
            }
        }
        if (!List.of("client", "app", "coach", "admin", "service").contains(options.get("role"))) {
            System.err.println("--role must be client, app, coach, admin or service");
            System.exit(2);
        }
        System.out.println(tokens.token(options.get("role"), options.get("sub"), options.get("tenant"),
                ttl(options.getOrDefault("ttl", "1h"))));
    }

    /** {@code 90s}, {@code 30m}, {@code 1h}, {@code 7d}. */
    static Duration ttl(String value) {
        String number = value.substring(0, value.length() - 1);
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(Long.parseLong(number));
            case 'm' -> Duration.ofMinutes(Long.parseLong(number));
            case 'h' -> Duration.ofHours(Long.parseLong(number));
            case 'd' -> Duration.ofDays(Long.parseLong(number));
            default -> throw new IllegalArgumentException("--ttl must look like 90s, 30m, 1h or 7d");
        };
    }
}
