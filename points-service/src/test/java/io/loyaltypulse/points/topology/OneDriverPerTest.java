package io.loyaltypulse.points.topology;

import java.nio.file.Path;

import io.loyaltypulse.points.ledger.NegativeBalancePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topology tests that each run against a fresh {@link PointsDriver} (ALLOW_NEGATIVE) with
 * a state directory of their own, closed after the test.
 */
abstract class OneDriverPerTest {

	@TempDir
	Path stateDir;

	PointsDriver points;

	@BeforeEach
	void startDriver() {
		this.points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, this.stateDir);
	}

	@AfterEach
	void closeDriver() {
		this.points.close();
	}

}
