package io.loyaltypulse.points.earning;

/**
 * The points one order line earned, kept so that a refund of the line takes back exactly
 * these.
 *
 * @param lineId the order line
 * @param quantity units bought
 * @param points whole points earned on the line
 * @param explanation how they were computed
 */
public record LineEarning(String lineId, int quantity, long points, String explanation) {
}
