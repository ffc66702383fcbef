package io.loyaltypulse.points.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.loyaltypulse.points.Events;
import io.loyaltypulse.points.PointsTestRules;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CustomerAccountSerdeTest {

	final CustomerAccountSerde serde = new CustomerAccountSerde();

	final OrderRecordSerde orders = new OrderRecordSerde();

	final RequestRecordSerde requests = new RequestRecordSerde();

	final PointsEngine engine = PointsTestRules.engine(NegativeBalancePolicy.ALLOW_NEGATIVE);

	final Instant at = Instant.parse("2026-11-02T10:00:00Z");

	@Test
	void shouldReadBackAnAccountThatBehavesTheSame() {
		InMemoryHistory history = new InMemoryHistory();
		CustomerAccount account = accountWithTierLotsAndDebt(history);

		CustomerAccount read = roundTrip(account);

		// The same next event gives the same entries on the original and the copy.
		var next = Events.purchase("c1", "o9", this.at.plusSeconds(600)).line("1", "HOME", 2, "20.00").build();
		assertThat(this.engine.apply(read, new InMemoryHistory(), next))
			.isEqualTo(this.engine.apply(account, new InMemoryHistory(), next));
		assertThat(this.serde.serializer().serialize("t", read))
			.isEqualTo(this.serde.serializer().serialize("t", account));
	}

	@Test
	void shouldKeepAnOrderExactlyWithItsLinesAndRefunds() {
		InMemoryHistory history = new InMemoryHistory();
		accountWithTierLotsAndDebt(history);
		OrderRecord order = history.order("o1");

		OrderRecord read = this.orders.deserializer().deserialize("t", this.orders.serializer().serialize("t", order));

		assertThat(read).usingRecursiveComparison().isEqualTo(order);
		assertThat(read.refunded).isEqualByComparingTo("9.99");
		assertThat(read.lines.get("1").refundedQuantity).isEqualTo(1);
	}

	@Test
	void shouldKeepADecidedRequestToAnswerARetryTheSameWay() {
		InMemoryHistory history = new InMemoryHistory();
		CustomerAccount account = CustomerAccount.open("c1");
		this.engine.apply(account, history, Events.adjustment("c1", "bonus", 10, this.at));
		RequestRecord request = history.request(Events.adjustment("c1", "bonus", 10, this.at).getEventId());

		RequestRecord read = this.requests.deserializer()
			.deserialize("t", this.requests.serializer().serialize("t", request));

		assertThat(read).usingRecursiveComparison().isEqualTo(request);
		assertThat(read.status).isEqualTo("APPROVED");
	}

	@Test
	void shouldKeepTheReferralAndTheBonusCountsOfVersion3() {
		CustomerAccount account = CustomerAccount.open("c1");
		account.hasPurchased = true;
		account.referral = new Referral("friend", "ref-1", 1_000);
		account.referral.status = Referral.Status.IN_RETURN_WINDOW;
		account.referral.orderId = "o1";
		account.referral.qualifiesAt = 2_000;
		account.reviewBonuses = new PeriodCount(24_322, 2);
		account.referralBonuses = new PeriodCount(2026, 1);

		CustomerAccount read = this.serde.deserializer()
			.deserialize("t", this.serde.serializer().serialize("t", account));

		assertThat(read).usingRecursiveComparison().isEqualTo(account);
	}

	@Test
	void shouldReadAVersion2AccountAsNeverReferredAndAsHavingPurchasedWhenItHasEntries() {
		CustomerAccount account = CustomerAccount.open("c1");
		account.sequence = 3;
		byte[] current = this.serde.serializer().serialize("t", account);
		// Version 2 ended before the six bytes version 3 adds for an account like this.
		byte[] version2 = Arrays.copyOf(current, current.length - 6);
		version2[0] = 2;

		CustomerAccount read = this.serde.deserializer().deserialize("t", version2);

		assertThat(read.hasPurchased).isTrue();
		assertThat(read.referral).isNull();
		assertThat(read.reviewBonuses).isEqualTo(PeriodCount.NONE);
		assertThat(read.sequence).isEqualTo(3);
	}

	@Test
	void shouldRefuseARecordWrittenByANewerRelease() {
		byte[] newer = this.serde.serializer().serialize("t", CustomerAccount.open("c1"));
		newer[0] = 4;

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.serde.deserializer().deserialize("t", newer))
			.withMessageContaining("version 4")
			.withMessageContaining("newer release");
	}

	@Test
	void shouldSayHowToResetStateWrittenAsJsonByAnEarlierBuild() {
		byte[] json = "{\"version\":1,\"customerId\":\"c1\"}".getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.serde.deserializer().deserialize("t", json))
			.withMessageContaining("is JSON")
			.withMessageContaining("reset the application's state");
	}

	@Test
	void shouldSayWhereATruncatedRecordEnds() {
		byte[] whole = this.serde.serializer().serialize("t", accountWithTierLotsAndDebt(new InMemoryHistory()));
		byte[] truncated = Arrays.copyOf(whole, whole.length - 3);

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.serde.deserializer().deserialize("points-accounts-changelog", truncated))
			.withMessageContaining("points-accounts-changelog")
			.withMessageContaining("ends early");
	}

	@Test
	void shouldRefuseTrailingBytes() {
		byte[] whole = this.orders.serializer().serialize("t", new OrderRecord("o1", 1));
		byte[] longer = Arrays.copyOf(whole, whole.length + 1);

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.orders.deserializer().deserialize("t", longer))
			.withMessageContaining("bytes left");
	}

	@Test
	void shouldKeepTheLotsInSpendingOrder() {
		CustomerAccount account = CustomerAccount.open("c1");
		InMemoryHistory history = new InMemoryHistory();
		this.engine.apply(account, history, Events.adjustment("c1", "late", 10, Instant.parse("2026-12-01T00:00:00Z")));
		this.engine.apply(account, history,
				Events.adjustment("c1", "early", 10, Instant.parse("2026-11-01T00:00:00Z")));

		CustomerAccount read = roundTrip(account);

		assertThat(read.lots).extracting((lot) -> lot.id("c1")).isEqualTo(List.of("c1:2", "c1:1"));
	}

	@Test
	void shouldStayCompactForAYearOfDailyPurchases() {
		CustomerAccount account = CustomerAccount.open("customer-000042");
		InMemoryHistory history = new InMemoryHistory();
		for (int day = 0; day < 365; day++) {
			this.engine.apply(account, history,
					Events.purchase("customer-000042", "o" + day, this.at.plusSeconds(86_400L * day))
						.line("1", "HOME", 1, "10.00")
						.build());
		}

		// 365 lots (12-month expiry) and 365 daily tier buckets: a few bytes each, not
		// hundreds as with field names.
		assertThat(this.serde.serializer().serialize("t", account)).hasSizeLessThan(365 * 40);
	}

	private CustomerAccount accountWithTierLotsAndDebt(InMemoryHistory history) {
		CustomerAccount account = CustomerAccount.open("c1");
		this.engine.apply(account, history,
				Events.purchase("c1", "o1", this.at)
					.line("1", "BOOKS", 3, "9.99")
					.line("2", "HOME", 1, "5.00")
					.build());
		this.engine.apply(account, history,
				Events.refundLines("c1", "o1", "r1", this.at.plusSeconds(60), "9.99", "1", "1"));
		account.debt = 7;
		return account;
	}

	private CustomerAccount roundTrip(CustomerAccount account) {
		return this.serde.deserializer().deserialize("t", this.serde.serializer().serialize("t", account));
	}

}
