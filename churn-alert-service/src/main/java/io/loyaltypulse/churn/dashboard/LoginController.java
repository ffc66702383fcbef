package io.loyaltypulse.churn.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page (Spring Security checks the form it posts), and the icon a browser asks
 * for at {@code /favicon.ico} when a page names none (a problem document, say).
 */
@Controller
class LoginController {

	private final DashboardProperties properties;

	LoginController(DashboardProperties properties) {
		this.properties = properties;
	}

	/** The form, with the lockout's figures as configured (the page says them). */
	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("maxFailedLogins", this.properties.maxFailedLogins());
		model.addAttribute("lockoutMinutes", this.properties.failedLoginWindow().toMinutes());
		return "dashboard/login";
	}

	@GetMapping("/favicon.ico")
	String favicon() {
		return "forward:/dashboard/assets/favicon.svg";
	}

}
