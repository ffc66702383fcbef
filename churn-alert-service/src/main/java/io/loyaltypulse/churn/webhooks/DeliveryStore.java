package io.loyaltypulse.churn.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The deliveries as webhook-deliveries holds them: the highest version of each wins; per
 * subscription and customer only the oldest pending delivery is due (order kept);
 * finished ones beyond the most recent few per subscription are forgotten.
 */
public final class DeliveryStore {

	static final Comparator<Delivery> IN_ORDER = Comparator.comparingLong(Delivery::sequence)
		.thenComparing(Delivery::createdAt)
		.thenComparing(Delivery::id);

	static final Comparator<Delivery> NEWEST_FIRST = Comparator.comparing(Delivery::createdAt)
		.thenComparingLong(Delivery::sequence)
		.reversed();

	private final Map<String, Delivery> byId = new HashMap<>();

	private final Map<String, Integer> finishedBySubscription = new HashMap<>();

	private final int keepFinished;

	/**
	 * @param keepFinished the finished deliveries kept per subscription
	 */
	public DeliveryStore(int keepFinished) {
		this.keepFinished = keepFinished;
	}

	/** Keeps the delivery unless a later version is held; whether it was kept. */
	public synchronized boolean apply(Delivery delivery) {
		Delivery held = this.byId.get(delivery.id());
		if (held != null && held.version() >= delivery.version()) {
			return false;
		}
		if (held != null && held.isFinal()) {
			this.finishedBySubscription.merge(held.subscriptionId(), -1, Integer::sum);
		}
		this.byId.put(delivery.id(), delivery);
		if (delivery.isFinal()) {
			int finished = this.finishedBySubscription.merge(delivery.subscriptionId(), 1, Integer::sum);
			if (finished > 2 * this.keepFinished) {
				forgetOldFinished(delivery.subscriptionId());
			}
		}
		return true;
	}

	private void forgetOldFinished(String subscriptionId) {
		List<Delivery> finished = this.byId.values()
			.stream()
			.filter((held) -> held.subscriptionId().equals(subscriptionId) && held.isFinal())
			.sorted(NEWEST_FIRST)
			.toList();
		finished.stream().skip(this.keepFinished).forEach((old) -> this.byId.remove(old.id()));
		this.finishedBySubscription.put(subscriptionId, Math.min(finished.size(), this.keepFinished));
	}

	public synchronized boolean contains(String deliveryId) {
		return this.byId.containsKey(deliveryId);
	}

	public synchronized Optional<Delivery> find(String deliveryId) {
		return Optional.ofNullable(this.byId.get(deliveryId));
	}

	/**
	 * The deliveries due now on these partitions: of each subscription and customer, the
	 * oldest pending one, if its time has come; earliest due first.
	 */
	public synchronized List<Delivery> due(Set<Integer> partitions, Instant now) {
		Map<String, Delivery> heads = new HashMap<>();
		for (Delivery delivery : this.byId.values()) {
			if (!delivery.isFinal() && partitions.contains(delivery.partition())) {
				heads.merge(delivery.subscriptionId() + "|" + delivery.customerId(), delivery,
						(a, b) -> (IN_ORDER.compare(a, b) <= 0) ? a : b);
			}
		}
		return heads.values()
			.stream()
			.filter((head) -> head.nextAttemptAt() == null || !head.nextAttemptAt().isAfter(now))
			.sorted(Comparator.comparing(Delivery::nextAttemptAt, Comparator.nullsFirst(Comparator.naturalOrder())))
			.toList();
	}

	/** The latest deliveries to a subscription, newest first. */
	public synchronized List<Delivery> recent(String subscriptionId, int limit) {
		return this.byId.values()
			.stream()
			.filter((delivery) -> delivery.subscriptionId().equals(subscriptionId))
			.sorted(NEWEST_FIRST)
			.limit(limit)
			.toList();
	}

	/** The deliveries to a subscription that failed for good at or after a time. */
	public synchronized List<Delivery> failedSince(String subscriptionId, Instant since) {
		List<Delivery> failed = new ArrayList<>();
		for (Delivery delivery : this.byId.values()) {
			if (delivery.subscriptionId().equals(subscriptionId) && Delivery.FAILED.equals(delivery.status())
					&& !delivery.updatedAt().isBefore(since)) {
				failed.add(delivery);
			}
		}
		failed.sort(IN_ORDER);
		return failed;
	}

}
