package dev.docket.identity;

import dev.docket.audit.AuditLog;
import java.util.List;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** The admin's token operations, each recorded in the audit log in the same transaction. */
@Singleton
class TokenAdministration {

    private final ApiTokens tokens;
    private final AuditLog audit;

    TokenAdministration(ApiTokens tokens, AuditLog audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    @Transactional
    TokenView create(TokenRequest body, Actor actor) {
        List<String> roles = RoleNames.requireKnown("roles", body.roles());
        ApiTokens.Created created = tokens.create(body.name(), roles, body.decides() == null ? List.of() : body.decides(),
                body.expiresAt(), actor.name());
        audit.changed("token", created.token().id(), "create", null, TokenView.of(created.token()));
        return TokenView.of(created.token(), created.secret());
    }

    List<TokenView> list() {
        return tokens.list().stream().map(TokenView::of).toList();
    }

    @Transactional
    TokenView revoke(long id, Actor actor) {
        ApiToken before = tokens.revoke(id, actor.name());
        TokenView after = TokenView.of(tokens.find(id).orElseThrow());
        audit.changed("token", id, "revoke", TokenView.of(before), after);
        return after;
    }
}
