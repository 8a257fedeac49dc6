package dev.docket.identity;

import dev.docket.audit.AuditLog;
import dev.docket.system.ProblemHandler;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

final class IdentityErrorHandlers {

    private IdentityErrorHandlers() {
    }

    @Singleton
    @Requires(classes = {IdentityNotFoundException.class, ExceptionHandler.class})
    static final class NotFound extends ProblemHandler<IdentityNotFoundException> {
        NotFound(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.NOT_FOUND);
        }
    }

    @Singleton
    @Requires(classes = {IdentityConflictException.class, ExceptionHandler.class})
    static final class Conflict extends ProblemHandler<IdentityConflictException> {
        Conflict(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.CONFLICT);
        }
    }

    @Singleton
    @Requires(classes = {NotAllowedException.class, ExceptionHandler.class})
    static final class NotAllowed extends ProblemHandler<NotAllowedException> {
        private final AuditLog audit;

        NotAllowed(ErrorResponseProcessor<?> processor, AuditLog audit) {
            super(processor, HttpStatus.FORBIDDEN);
            this.audit = audit;
        }

        /** The attempt's own work rolled back; the refusal itself is kept in the audit log. */
        @Override
        public HttpResponse<?> handle(HttpRequest request, NotAllowedException exception) {
            audit.refused(request, (Authentication) request.getUserPrincipal(Authentication.class).orElse(null), exception.getMessage());
            return super.handle(request, exception);
        }
    }
}
