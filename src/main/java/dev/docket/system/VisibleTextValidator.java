package dev.docket.system;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

/** Checks {@link VisibleText}; Bean Validation has no built-in for "not blank once zero-width characters are ignored". */
@Singleton
final class VisibleTextValidator implements ConstraintValidator<VisibleText, CharSequence> {

    @Override
    public boolean isValid(@Nullable CharSequence value, @NonNull AnnotationValue<VisibleText> annotation,
                           @NonNull ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        boolean multiLine = annotation.booleanValue("multiLine").orElse(false);
        boolean visible = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!multiLine && (c == '\n' || c == '\r' || c == '\t')) {
                context.messageTemplate("must be one line: no line breaks or tabs");
                return false;
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT) {
                visible = true;
            }
        }
        if (!visible) {
            context.messageTemplate("must not be blank: it has no visible characters");
        }
        return visible;
    }
}
