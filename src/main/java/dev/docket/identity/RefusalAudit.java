package dev.docket.identity;

import dev.docket.audit.AuditLog;
import dev.docket.system.DocketException;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/** A caller refused an object (403): the attempt's own work rolled back, and the refusal itself is kept in the audit log. */
@Singleton
final class RefusalAudit implements ApplicationEventListener<DocketException.Answered> {

    private final AuditLog audit;

    RefusalAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void onApplicationEvent(DocketException.Answered answered) {
        if (answered.error() instanceof NotAllowedException refused) {
            audit.refused(answered.request(), answered.request().getUserPrincipal(Authentication.class).orElse(null), refused.getMessage());
        }
    }
}
