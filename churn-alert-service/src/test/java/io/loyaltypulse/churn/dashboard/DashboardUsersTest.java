package io.loyaltypulse.churn.dashboard;

import java.util.List;

import io.loyaltypulse.testsupport.TestDashboardPasswords;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Configured managers: a password hash with its algorithm named, never a password. */
class DashboardUsersTest {

	@Test
	void shouldRefuseAPlainPasswordOrAHashWithoutItsAlgorithm() {
		assertThatIllegalStateException()
			.isThrownBy(() -> users(new DashboardProperties.User("anna", "{noop}secret", null)))
			.withMessageContaining("{noop}");
		assertThatIllegalStateException().isThrownBy(() -> users(new DashboardProperties.User("anna", "secret", null)))
			.withMessageContaining("password-hash of anna");
		assertThatIllegalStateException()
			.isThrownBy(() -> users(new DashboardProperties.User(" ", "{bcrypt}$2a$10$x", null)));
	}

	@Test
	void shouldKeepTheHashAsConfigured() {
		String hash = TestDashboardPasswords.PASSWORD_HASH;
		assertThat(users(new DashboardProperties.User("anna", hash, "Anna")).loadUserByUsername("anna").getPassword())
			.isEqualTo(hash);
	}

	private static org.springframework.security.provisioning.InMemoryUserDetailsManager users(
			DashboardProperties.User user) {
		return DashboardSecurity
			.managers(new DashboardProperties(List.of(user), null, null, null, null, null, 5, null));
	}

}
