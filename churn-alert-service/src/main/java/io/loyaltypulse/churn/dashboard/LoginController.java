package io.loyaltypulse.churn.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; Spring Security checks the form it posts. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "dashboard/login";
	}

}
