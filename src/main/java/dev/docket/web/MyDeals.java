package dev.docket.web;

import java.util.Optional;

import dev.docket.identity.LocalUsers;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * "My deals": the contract owner name an admin linked to the signed-in local user (docket_user.owner_name), since a
 * contract's owner is the CRM's sales agent name, which nothing else ties to who signs in.
 */
@Singleton
class MyDeals {

    /** What the queue page says and filters by: the owner's deals, or why it cannot show them. */
    record Mine(@Nullable String owner, String notice) {
    }

    private final LocalUsers users;

    MyDeals(LocalUsers users) {
        this.users = users;
    }

    Mine of(Actor actor) {
        if (!actor.signedIn()) {
            return new Mine(null, "Sign in to see your deals. Until then this is the whole queue.");
        }
        Optional<String> owner = users.ownerNameOf(actor.name()).filter(o -> !o.isBlank());
        return owner.map(o -> new Mine(o, "Your deals: the contracts owned by " + o + "."))
                .orElseGet(() -> new Mine(null, "Your sign-in (" + actor.name() + ") is not linked to a contract owner, "
                        + "so Docket cannot tell which deals are yours; an admin links it by giving your user an owner "
                        + "name. Until then this is the whole queue."));
    }
}
