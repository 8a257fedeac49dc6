package dev.docket.identity;

import java.net.URI;
import java.util.List;

import dev.docket.access.Roles;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;

/** Admins add local users, who then sign in at POST /login. */
@Controller("/api/admin/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ADMIN)
class UserController {

    private final LocalUsers users;

    UserController(LocalUsers users) {
        this.users = users;
    }

    @Post
    HttpResponse<UserView> create(@Body @Valid UserRequest body, Authentication caller) {
        UserView created = users.create(body.username(), body.password(), body.roles(),
                body.decides() == null ? List.of() : body.decides(), body.ownerName(), caller.getName());
        return HttpResponse.created(created, URI.create("/api/admin/users/" + created.id()));
    }

    @Get
    List<UserView> list() {
        return users.list();
    }
}
