package pk.gov.kp.khyberpass.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the admin API's OpenAPI 3.1 document, written by hand beside the controllers (a
 * test checks that it names every endpoint the controllers map, and nothing else).
 */
@RestController
final class OpenApiController {

	static final String DOCUMENT = "admin/openapi.json";

	private final String document;

	OpenApiController() throws IOException {
		try (InputStream in = new ClassPathResource(DOCUMENT).getInputStream()) {
			this.document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@GetMapping("/admin/api/openapi.json")
	ResponseEntity<String> openApi() {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.document);
	}

}
