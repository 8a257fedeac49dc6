package dev.docket.web;

import java.util.List;
import dev.docket.approval.InboxItem;
import dev.docket.ranking.RankedEntry;
import io.micronaut.core.annotation.Nullable;

/** A decision maker's inbox as the approvals page shows it. */
public record InboxView(List<String> decisionMakers, String decisionMaker, List<Item> items, @Nullable String notice,
                        List<String> problems) {

    public record Item(InboxItem request, @Nullable RankedEntry entry) {
    }
}
