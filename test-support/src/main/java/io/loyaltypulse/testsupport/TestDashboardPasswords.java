package io.loyaltypulse.testsupport;

/**
 * A dashboard password for tests, with its hash as a service's configuration holds it
 * ({@code loyalty.dashboard.users[N].password-hash}): only the hash is ever configured.
 */
public final class TestDashboardPasswords {

	public static final String PASSWORD = "system-test-password";

	/** BCrypt (cost 10) of {@link #PASSWORD}, in Spring Security's delegating form. */
	public static final String PASSWORD_HASH = "{bcrypt}$2a$10$Oxc1pI6CqR1SmaI/j5aDku2eXi13IJjRlTKcWv6qbGG3IGhGmPqLW";

	private TestDashboardPasswords() {
	}

}
