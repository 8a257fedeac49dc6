package dev.docket.identity;

import java.net.URI;
import java.util.List;

import dev.docket.access.Roles;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;

/** Admins create, list and revoke API tokens. A token is shown once, in the answer that creates it. */
@Controller("/api/admin/tokens")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ADMIN)
class TokenController {

    private final TokenAdministration tokens;

    TokenController(TokenAdministration tokens) {
        this.tokens = tokens;
    }

    @Post
    HttpResponse<TokenView> create(@Body @Valid TokenRequest body, Authentication authentication) {
        TokenView created = tokens.create(body, Actor.of(authentication));
        return HttpResponse.created(created, URI.create("/api/admin/tokens/" + created.id()));
    }

    @Get
    List<TokenView> list() {
        return tokens.list();
    }

    @Post("/{id}/revoke")
    TokenView revoke(@PathVariable long id, Authentication authentication) {
        return tokens.revoke(id, Actor.of(authentication));
    }
}
