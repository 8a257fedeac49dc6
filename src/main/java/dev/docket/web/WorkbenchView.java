package dev.docket.web;

import java.util.List;
import dev.docket.rules.RulesStatus;
import dev.docket.rules.version.RuleVersion;
import io.micronaut.core.annotation.Nullable;

/** The workbench: the live version, its files, every version, and the file open in the editor. */
public record WorkbenchView(RuleVersion live, List<RuleFile> files, List<RuleVersion> versions, String editingPath,
                            String editingText, @Nullable RulesStatus.Attempt lastAttempt) {
}
