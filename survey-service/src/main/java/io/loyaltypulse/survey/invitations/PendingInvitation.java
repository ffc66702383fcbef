package io.loyaltypulse.survey.invitations;

import java.time.Instant;

/**
 * The post-purchase survey a customer is due for, once {@code dueAt} comes.
 *
 * @param purchaseEventId the purchase's eventId, from which the invitation's id derives
 * @param orderId the order the survey follows up
 * @param purchasedAt when the purchase was completed
 * @param dueAt when the invitation falls due: the purchase time plus invite-after
 * @param storeId the store of the purchase, or null
 * @param channel the channel of the purchase, or null
 * @param region the region of the purchase, or null
 */
public record PendingInvitation(String purchaseEventId, String orderId, Instant purchasedAt, Instant dueAt,
		String storeId, String channel, String region) {

}
