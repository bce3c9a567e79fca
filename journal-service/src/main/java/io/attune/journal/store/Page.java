package io.attune.journal.store;

import io.attune.chassis.paging.PageCursor;
import java.util.List;

/** One page of a listing and the cursor of the next one, if any. */
public record Page<T>(List<T> items, PageCursor next) {
}
