package io.loyaltypulse.churn.model;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.loyaltypulse.churn.engine.ChurnTopology;
import io.loyaltypulse.churn.profile.CustomerProfile;
import io.loyaltypulse.churn.silence.BgNbdFitter;
import io.loyaltypulse.churn.silence.PurchaseHistory;
import io.loyaltypulse.support.streams.InteractiveQueries;
import io.loyaltypulse.support.streams.StoreUnavailableException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Fits the silence model again on a schedule, by maximum likelihood on the (x, t_x, T) of
 * the customers this instance holds (its partitions: with several instances, each fits on
 * its share, a random sample of the customers because partitioning is by a hash of the
 * customer id). Below the configured minimum of customers, or when the fit fails, the
 * model in force stays, and the model endpoint says why.
 */
public final class SilenceModelRefit implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SilenceModelRefit.class);

	/**
	 * The first fit waits for the streams to restore their state (or one interval, if
	 * shorter).
	 */
	private static final Duration FIRST_DELAY = Duration.ofSeconds(30);

	private final SilenceModel model;

	private final InteractiveQueries queries;

	private final int minimumCustomers;

	private final Duration interval;

	private final Clock clock;

	private ScheduledExecutorService scheduler;

	public SilenceModelRefit(SilenceModel model, InteractiveQueries queries, int minimumCustomers, Duration interval,
			Clock clock) {
		this.model = model;
		this.queries = queries;
		this.minimumCustomers = minimumCustomers;
		this.interval = interval;
		this.clock = clock;
	}

	/** Fits now on the customers held; returns the version in force afterwards. */
	public SilenceModel.Version refit() {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		List<PurchaseHistory> histories = histories(today);
		SilenceModel.Version current = this.model.version();
		if (histories.size() < this.minimumCustomers) {
			if (!current.fitted()) {
				this.model
					.replace(
							new SilenceModel.Version(current.parameters(), false, Double.NaN, histories.size(),
									this.clock.instant(),
									"only %d customers with a purchase are known, %d are needed for a fit: "
										.formatted(histories.size(), this.minimumCustomers)
											+ "the configured defaults serve"));
			}
			return this.model.version();
		}
		BgNbdFitter.Fit fit = new BgNbdFitter().fit(histories);
		this.model.replace(new SilenceModel.Version(fit.parameters(), true, fit.logLikelihood(), fit.customers(),
				this.clock.instant(), null));
		logger.info("Silence model fitted on {} customers: r={} alpha={} a={} b={} log-likelihood={}", fit.customers(),
				fit.parameters().r(), fit.parameters().alpha(), fit.parameters().a(), fit.parameters().b(),
				fit.logLikelihood());
		return this.model.version();
	}

	private List<PurchaseHistory> histories(LocalDate today) {
		ReadOnlyKeyValueStore<String, CustomerProfile> profiles = this.queries.localStore(ChurnTopology.PROFILES_STORE,
				QueryableStoreTypes.keyValueStore());
		List<PurchaseHistory> histories = new ArrayList<>();
		try (KeyValueIterator<String, CustomerProfile> all = profiles.all()) {
			while (all.hasNext()) {
				KeyValue<String, CustomerProfile> entry = all.next();
				entry.value.history(today).ifPresent(histories::add);
			}
		}
		return histories;
	}

	private void refitQuietly() {
		try {
			refit();
		}
		catch (StoreUnavailableException ex) {
			logger.info("Silence model not refitted: the profiles are not queryable now ({})", ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.warn("Silence model not refitted; the model in force stays", ex);
		}
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "silence-model-refit");
			thread.setDaemon(true);
			return thread;
		});
		long firstDelay = Math.min(FIRST_DELAY.toMillis(), this.interval.toMillis());
		this.scheduler.scheduleWithFixedDelay(this::refitQuietly, firstDelay, this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
