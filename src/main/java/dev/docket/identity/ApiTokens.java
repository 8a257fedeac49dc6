package dev.docket.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import dev.docket.contract.InvalidFieldException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * API tokens: created by an admin and shown once, stored as a SHA-256 hash, revocable, with their last use.
 * A validated token is trusted for docket.security.token-cache before its row is read again, so a page read does not
 * cost a database round trip; revoking on this instance forgets it at once.
 */
@Singleton
public class ApiTokens {

    static final String PREFIX = "dkt_";
    static final int MIN_LENGTH = 32;
    private static final long TOUCH_EVERY_SECONDS = 60;

    private final ApiTokenRepository tokens;
    private final Clock clock;
    private final ExecutorService blocking;
    private final long cacheNanos;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ApiTokens(ApiTokenRepository tokens, Clock clock, IdentityProperties properties,
              @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.tokens = tokens;
        this.clock = clock;
        this.blocking = blocking;
        this.cacheNanos = properties.tokenCache().toNanos();
    }

    @Transactional
    public Created create(String name, List<String> roles, List<String> decides, @Nullable Instant expiresAt, String createdBy) {
        Instant now = now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidFieldException("expiresAt", expiresAt + " is not in the future (now is " + now + ")");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken saved = tokens.save(new ApiToken(null, name.strip(), hash(token), RoleNames.join(roles),
                String.join(",", decides.stream().map(String::strip).toList()), now, createdBy, micros(expiresAt), null, null, null));
        return new Created(saved, token);
    }

    /** Stores the token given in the environment at first start; a later start with the same token changes nothing. */
    @Transactional
    public Optional<ApiToken> storeInitial(String token, List<String> roles) {
        if (token.length() < MIN_LENGTH || token.contains(".")) {
            throw new IllegalStateException("docket.security.initial-token (DOCKET_INITIAL_TOKEN) must be at least " + MIN_LENGTH
                    + " characters without '.'; generate one with: openssl rand -hex 32");
        }
        String hash = hash(token);
        if (tokens.findByTokenHash(hash).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(tokens.save(new ApiToken(null, "initial-token", hash, RoleNames.join(roles), "", now(), "environment",
                null, null, null, null)));
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        return tokens.findAllOrderById();
    }

    @Transactional(readOnly = true)
    public Optional<ApiToken> find(long id) {
        return tokens.findById(id);
    }

    /** Revokes a token; returns the row as it was before, empty if there is no such token, and throws if already revoked. */
    @Transactional
    public ApiToken revoke(long id, String by) {
        ApiToken token = tokens.findById(id).orElseThrow(() -> new IdentityNotFoundException("token", id));
        if (tokens.revokeIfActive(id, now(), by) == 0) {
            throw new IdentityConflictException("token " + id + " (" + token.name() + ") was already revoked at " + token.revokedAt()
                    + " by " + token.revokedBy());
        }
        cache.clear();
        return token;
    }

    /** A trusted token still within its cache time, or null when the database must be asked. */
    @Nullable
    Authentication cached(String raw) {
        Cached c = cache.get(hash(raw));
        if (c == null || System.nanoTime() - c.loadedAt() > cacheNanos || !c.token().usableAt(clock.instant())) {
            return null;
        }
        touchIfDue(c);
        return c.authentication();
    }

    /** Reads the token's row (blocking); empty for an unknown, revoked or expired token. */
    Optional<Authentication> authenticate(String raw) {
        String hash = hash(raw);
        Optional<ApiToken> found = tokens.findByTokenHash(hash).filter(t -> t.usableAt(clock.instant()));
        if (found.isEmpty()) {
            cache.remove(hash);
            return Optional.empty();
        }
        ApiToken t = found.get();
        Authentication authentication = Actor.authentication(t.name(), "token", RoleNames.split(t.roles()), RoleNames.split(t.decides()));
        Cached c = new Cached(t, authentication, System.nanoTime(), new long[] {0});
        cache.put(hash, c);
        touchIfDue(c);
        return Optional.of(authentication);
    }

    private void touchIfDue(Cached c) {
        long second = clock.instant().getEpochSecond();
        synchronized (c.lastTouch()) {
            if (second - c.lastTouch()[0] < TOUCH_EVERY_SECONDS) {
                return;
            }
            c.lastTouch()[0] = second;
        }
        // Last use is for humans auditing tokens, so it is written at most once a minute per token and off the request's path.
        blocking.execute(() -> tokens.touch(c.token().id(), now()));
    }

    // SHA-256 suffices (no salt, no stretching): tokens carry 256 random bits, so there is nothing to guess or precompute.
    static String hash(String raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static @Nullable Instant micros(@Nullable Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MICROS);
    }

    public record Created(ApiToken token, String secret) {
    }

    private record Cached(ApiToken token, Authentication authentication, long loadedAt, long[] lastTouch) {
    }
}
