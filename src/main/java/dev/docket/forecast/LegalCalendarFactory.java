package dev.docket.forecast;

import java.util.List;

import dev.docket.calendar.LegalCalendar;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Legal's working days with the holidays set under docket.capacity, the forecast's configuration. */
@Factory
class LegalCalendarFactory {

    @Singleton
    LegalCalendar legalCalendar(CapacityProperties properties) {
        return new LegalCalendar(properties.holidays() == null ? List.of() : properties.holidays());
    }
}
