package io.loyaltypulse.deploy.helm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChartLintTest {

	@Test
	void shouldRunThePinnedHelm() {
		Helm.Result version = Helm.version();

		assertThat(version.exitCode()).as(version.output()).isZero();
		assertThat(version.stdout()).startsWith(System.getProperty("helm.version") + "+");
	}

	@ParameterizedTest
	@MethodSource("io.loyaltypulse.deploy.helm.Helm#valuesFileNames")
	void shouldLintStrictlyWithEveryValuesFile(String values) {
		Helm.Result lint = Helm.lint(values);

		assertThat(lint.exitCode()).as(lint.output()).isZero();
		assertThat(lint.stdout()).contains("1 chart(s) linted, 0 chart(s) failed").doesNotContain("[WARNING]");
	}

	@ParameterizedTest
	@MethodSource("io.loyaltypulse.deploy.helm.Helm#valuesFileNames")
	void shouldRenderEveryValuesFile(String values) {
		Helm.Result template = Helm.template(values);

		assertThat(template.exitCode()).as(template.output()).isZero();
		assertThat(Manifests.parse(template.stdout()).ofKind("ConfigMap")).hasSize(4);
	}

}
