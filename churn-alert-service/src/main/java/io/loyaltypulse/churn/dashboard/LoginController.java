package io.loyaltypulse.churn.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page (Spring Security checks the form it posts), and the icon a browser asks
 * for at {@code /favicon.ico} when a page names none (a problem document, say).
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "dashboard/login";
	}

	@GetMapping("/favicon.ico")
	String favicon() {
		return "forward:/dashboard/assets/favicon.svg";
	}

}
