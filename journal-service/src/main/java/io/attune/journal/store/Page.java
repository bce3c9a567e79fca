package io.attune.journal.store;

import java.util.List;

import io.attune.chassis.paging.PageCursor;

/** One page of a listing and the cursor of the next one, if any. */
public record Page<T>(List<T> items, PageCursor next) {
}
