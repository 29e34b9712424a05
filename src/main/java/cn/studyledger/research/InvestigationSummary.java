package cn.studyledger.research;

/**
 * The year's investigation work in numbers.
 *
 * @param themes investigations (调研主题) of the year
 * @param trips field trips of those investigations
 * @param reports reports of those investigations
 * @param selectionFinished whether the year's excellent-report selection is finished
 */
public record InvestigationSummary(long themes, long trips, long reports, boolean selectionFinished) {}
