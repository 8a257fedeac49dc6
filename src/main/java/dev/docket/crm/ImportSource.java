package dev.docket.crm;

import java.nio.file.Path;
import java.util.List;

/** What one import reads: the pipeline file on disk, the reference files already read, and the column mapping. */
record ImportSource(Path directory, Path pipeline, CrmReference reference, ColumnMapping mapping, List<String> fileNames) {
}
