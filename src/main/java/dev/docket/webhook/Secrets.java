package dev.docket.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/** Signing secrets: 32 random bytes, made by Docket, so every receiver's secret is strong. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
