package dev.docket.identity;

import java.util.List;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** The admin's token operations, each recorded in the audit log in the same transaction. */
@Singleton
class TokenAdministration {

    private final ApiTokens tokens;

    TokenAdministration(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Transactional
    TokenView create(TokenRequest body, Actor actor) {
        List<String> roles = RoleNames.requireKnown("roles", body.roles());
        ApiTokens.Created created = tokens.create(body.name(), roles, body.decides() == null ? List.of() : body.decides(),
                body.expiresAt(), actor.name());
        return TokenView.of(created.token(), created.secret());
    }

    List<TokenView> list() {
        return tokens.list().stream().map(TokenView::of).toList();
    }

    @Transactional
    TokenView revoke(long id, Actor actor) {
        tokens.revoke(id, actor.name());
        return TokenView.of(tokens.find(id).orElseThrow());
    }
}
