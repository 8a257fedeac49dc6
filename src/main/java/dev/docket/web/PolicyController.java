package dev.docket.web;

import java.util.List;

import dev.docket.rules.ActiveRuleSet;
import dev.docket.rules.PlainPolicy;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import dev.docket.access.Roles;
import io.micronaut.http.annotation.Get;
import io.micronaut.views.View;

/** "How is the queue ordered?", answered by the live rule files themselves; open to everyone. */
@Secured(Roles.VIEWER)
@Controller("/policy")
class PolicyController {

    private final Actors actors;
    private final ActiveRuleSet rules;

    PolicyController(ActiveRuleSet rules, Actors actors) {
        this.rules = rules;
        this.actors = actors;
    }

    @View("policy")
    @Get(produces = MediaType.TEXT_HTML)
    Object policy(HttpRequest<?> request) {
        ActiveRuleSet.Active active = rules.active();
        List<PlainPolicy.Section> sections = PlainPolicy.of(active.ruleSet().sources());
        return Page.model(new Page("Policy", "policy", actors.of(request)), new PolicyView(active.version().id(),
                active.version().hash(), active.version().activatedAt().toString(), sections));
    }

}
