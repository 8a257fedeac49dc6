package dev.docket.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.docket.access.Roles;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.security.config.AuthenticationModeConfiguration;
import io.micronaut.security.oauth2.configuration.OpenIdAdditionalClaimsConfiguration;
import io.micronaut.security.oauth2.endpoint.token.response.DefaultOpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Singleton;

/**
 * OpenID Connect sign-in: the person is named by one claim and their Docket roles (and decision makers) come from
 * others, as configured in docket.security.oidc. Only Docket's role names count; anything else in the claim is ignored.
 */
@Singleton
@Replaces(DefaultOpenIdAuthenticationMapper.class)
class OidcRoles extends DefaultOpenIdAuthenticationMapper {

    private final Claims claims;

    OidcRoles(OpenIdAdditionalClaimsConfiguration additional, AuthenticationModeConfiguration mode, Claims claims) {
        super(additional, mode);
        this.claims = claims;
    }

    @Override
    protected List<String> getRoles(String provider, OpenIdTokenResponse token, OpenIdClaims openIdClaims) {
        List<String> roles = names(openIdClaims.get(claims.rolesClaim())).stream().filter(Roles.ALL::contains).toList();
        return List.copyOf(Actor.authentication("oidc", "oidc", roles, List.of()).getRoles());
    }

    @Override
    protected String getUsername(String provider, OpenIdTokenResponse token, OpenIdClaims openIdClaims) {
        Object name = openIdClaims.get(claims.nameClaim());
        return name == null ? openIdClaims.getSubject() : name.toString();
    }

    @Override
    protected Map<String, Object> buildAttributes(String provider, OpenIdTokenResponse token, OpenIdClaims openIdClaims) {
        Map<String, Object> attributes = new HashMap<>(super.buildAttributes(provider, token, openIdClaims));
        attributes.put(Actor.VIA, "oidc");
        attributes.put(Actor.DECIDES, names(openIdClaims.get(claims.decidesClaim())));
        return attributes;
    }

    private static List<String> names(Object claim) {
        if (claim instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(claim.toString().split("[,\\s]+"));
    }

    /**
     * docket.security.oidc: which ID-token claims name the person, list their Docket roles, and list the decision
     * makers they decide for.
     */
    @ConfigurationProperties("docket.security.oidc")
    record Claims(@Bindable(defaultValue = "preferred_username") String nameClaim,
                  @Bindable(defaultValue = "roles") String rolesClaim,
                  @Bindable(defaultValue = "decides") String decidesClaim) {
    }
}
