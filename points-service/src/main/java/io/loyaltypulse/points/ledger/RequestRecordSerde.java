package io.loyaltypulse.points.ledger;

import io.loyaltypulse.support.state.StateReader;
import io.loyaltypulse.support.state.StateWriter;
import io.loyaltypulse.support.state.VersionedSerde;

/** Persists a {@link RequestRecord} in the {@code points-requests-decided} store. */
public final class RequestRecordSerde extends VersionedSerde<RequestRecord> {

	public RequestRecordSerde() {
		super("points request", 1, (size) -> {
		});
	}

	@Override
	protected void write(RequestRecord request, StateWriter out) {
		out.writeString(request.requestId)
			.writeLong(request.decidedAt)
			.writeString(request.fingerprint)
			.writeString(request.status)
			.writeLong(request.points)
			.writeString(request.transactionId)
			.writeLong(request.availableAfter)
			.writeLong(request.pendingAfter)
			.writeString(request.explanation)
			.writeInt(request.answers);
	}

	@Override
	protected RequestRecord read(int version, StateReader in) {
		RequestRecord request = new RequestRecord();
		request.requestId = in.readString();
		request.decidedAt = in.readLong();
		request.fingerprint = in.readString();
		request.status = in.readString();
		request.points = in.readLong();
		request.transactionId = in.readString();
		request.availableAfter = in.readLong();
		request.pendingAfter = in.readLong();
		request.explanation = in.readString();
		request.answers = in.readInt();
		return request;
	}

}
