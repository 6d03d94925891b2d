package pk.gov.kp.khyberpass.admin;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/security-operations.md cannot drift from the code: every admin API path it names
 * exists in the API's OpenAPI document (which {@code AdminApiAuthorizationIT} checks
 * against the controllers) with the method the guide uses, every console address it names
 * is one the console serves, and every role it grants is a role.
 * <p>
 * A path's method is the one written before it ({@code POST /admin/api/keys/rotate}), or,
 * in a {@code curl} command (continuation lines joined), its {@code -X}, else
 * {@code POST} when it sends data, else {@code GET}. A path named without a method must
 * exist with some method. Placeholders in the guide ({@code {id}}, {@code $CITIZEN},
 * {@code <accountId>}) stand only for the document's own placeholders.
 */
class SecurityOperationsGuideTests {

	private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	private static final Path GUIDE = ROOT.resolve("docs/security-operations.md");

	private static final String PATH_CHARS = "[A-Za-z0-9_{}$<>.\\-/]";

	private static final Pattern API_PATH = Pattern.compile("/admin/api(?:/" + PATH_CHARS + "*)?");

	private static final Pattern CONSOLE_PATH = Pattern.compile("/admin/console(?:/" + PATH_CHARS + "*)?");

	private static final Pattern METHOD_BEFORE = Pattern
		.compile("\\b(GET|POST|PUT|DELETE|PATCH)\\s+(?:\"?\\$ISSUER|<issuer>)?$");

	private static final Pattern CURL_METHOD = Pattern.compile("(?:-X|--request)\\s+([A-Z]+)");

	private static final Pattern CURL_DATA = Pattern.compile("\\s(?:-d|--data(?:-raw|-binary)?)\\s");

	private static final Pattern ROLE_PATH = Pattern
		.compile("/admin/api/admins/[^/\\s`\"]+/roles/([A-Za-z0-9_{}$<>\\-]+)");

	/** The console's sign-out is Spring Security's logout filter, not a controller. */
	private static final String CONSOLE_SIGN_OUT = "/admin/console/sign-out";

	@Test
	void guideWhenReadThenEveryAdminApiPathExistsWithItsMethod() throws IOException {
		List<Mention> mentions = apiMentions(guide());

		assertThat(mentions).as("admin API mentions found in the guide").hasSizeGreaterThan(60);
		assertThat(undocumented(mentions, openApiOperations())).isEmpty();
	}

	@Test
	void guideWhenReadThenEveryApiOperationIsCovered() throws IOException {
		Set<String> named = new TreeSet<>();
		List<String> operations = openApiOperations();
		for (Mention mention : apiMentions(guide())) {
			operations.stream().filter(mention::matches).forEach(named::add);
		}

		assertThat(named).containsExactlyInAnyOrderElementsOf(operations);
	}

	@Test
	void undocumentedWhenWrongMethodOrUnknownPathThenReported() throws IOException {
		String drifted = """
				`POST /admin/api/keys`, `GET /admin/api/citizens/{id}/lock` and `/admin/api/citizens/{id}/erase`.
				curl -s "$ISSUER/admin/api/clients/mvr-portal/disable" -H "Authorization: Bearer $TOKEN"
				curl -s "$ISSUER/admin/api/clients/mvr-portal/enable" -H "Authorization: Bearer $TOKEN" \\
				     -d '{"reason":"back"}'
				`DELETE /admin/api/admins/{accountId}/roles/{role}` for `/admin/api/keys/{kid}/retire`.
				""";

		List<String> reported = undocumented(apiMentions(drifted), openApiOperations());

		assertThat(reported).containsExactly("POST /admin/api/keys", "GET /admin/api/citizens/{id}/lock",
				"ANY /admin/api/citizens/{id}/erase", "GET /admin/api/clients/mvr-portal/disable");
	}

	@Test
	void guideWhenReadThenEveryConsoleAddressIsServed() throws IOException {
		List<String> routes = consoleRoutes();
		List<String> named = new ArrayList<>();
		Matcher matcher = CONSOLE_PATH.matcher(guide());
		while (matcher.find()) {
			named.add(trim(matcher.group()));
		}

		assertThat(named).as("console addresses found in the guide").hasSizeGreaterThan(20);
		assertThat(named).allSatisfy((path) -> assertThat(routes.stream().anyMatch((route) -> matches(path, route)))
			.as(path + " is served by the console")
			.isTrue());
		assertThat(Files
			.readString(Path.of("src/main/java/pk/gov/kp/khyberpass/admin/console/ConsoleSecurityConfiguration.java")))
			.contains("logoutUrl(\"" + CONSOLE_SIGN_OUT + "\")");
	}

	@Test
	void guideWhenReadThenRolesAreTheCodesRoles() throws IOException {
		String guide = guide();
		Set<String> granted = new TreeSet<>();
		Matcher matcher = ROLE_PATH.matcher(guide);
		while (matcher.find()) {
			granted.add(matcher.group(1));
		}
		List<String> roles = Arrays.stream(AdminRole.values()).map(AdminRole::value).toList();

		assertThat(granted).isNotEmpty();
		assertThat(granted)
			.allSatisfy((role) -> assertThat(placeholder(role) || roles.contains(role)).as(role + " is an admin role")
				.isTrue());
		assertThat(roles).allSatisfy((role) -> assertThat(guide).contains("`" + role + "`"));
	}

	private static String guide() throws IOException {
		return Files.readString(GUIDE);
	}

	/**
	 * Every admin API path the text names, with the method it is called with (or
	 * {@code ANY}).
	 */
	static List<Mention> apiMentions(String markdown) {
		List<Mention> mentions = new ArrayList<>();
		for (String line : markdown.replace("\\\n", " ").split("\n")) {
			Matcher matcher = API_PATH.matcher(line);
			while (matcher.find()) {
				String path = trim(matcher.group());
				if ("/admin/api".equals(path)) {
					// the API's root, named as the prefix of every path
					continue;
				}
				Matcher before = METHOD_BEFORE.matcher(line.substring(0, matcher.start()));
				String method;
				if (before.find()) {
					method = before.group(1);
				}
				else if (line.contains("curl ")) {
					Matcher explicit = CURL_METHOD.matcher(line);
					method = explicit.find() ? explicit.group(1) : CURL_DATA.matcher(line).find() ? "POST" : "GET";
				}
				else {
					method = "ANY";
				}
				mentions.add(new Mention(method, path));
			}
		}
		return mentions;
	}

	/** The mentions that match no operation of the document, as {@code METHOD path}. */
	static List<String> undocumented(List<Mention> mentions, List<String> operations) {
		return mentions.stream()
			.filter((mention) -> operations.stream().noneMatch(mention::matches))
			.map(Mention::toString)
			.distinct()
			.toList();
	}

	/** {@code GET /admin/api/keys}, ... from the OpenAPI document the API serves. */
	private static List<String> openApiOperations() throws IOException {
		JsonNode document;
		try (InputStream in = new ClassPathResource(OpenApiController.DOCUMENT).getInputStream()) {
			document = JsonMapper.builder().build().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		List<String> operations = new ArrayList<>();
		document.get("paths")
			.propertyStream()
			.forEach((path) -> path.getValue()
				.propertyStream()
				.forEach((operation) -> operations.add(operation.getKey().toUpperCase() + " " + path.getKey())));
		return operations;
	}

	/** The paths the console's controllers map, and its sign-out. */
	private static List<String> consoleRoutes() throws IOException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		List<String> routes = new ArrayList<>();
		for (BeanDefinition controller : scanner.findCandidateComponents("pk.gov.kp.khyberpass.admin.console")) {
			Class<?> type;
			try {
				type = Class.forName(controller.getBeanClassName());
			}
			catch (ClassNotFoundException ex) {
				throw new IOException(ex);
			}
			for (Method method : type.getDeclaredMethods()) {
				RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
				if (mapping != null) {
					routes.addAll(Arrays.asList(mapping.path()));
				}
			}
		}
		assertThat(routes).as("console routes").hasSizeGreaterThan(10);
		routes.add(CONSOLE_SIGN_OUT);
		return routes;
	}

	private static String trim(String path) {
		String trimmed = path;
		while (trimmed.endsWith(".") || (trimmed.endsWith("/") && trimmed.length() > 1)) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed;
	}

	/** Whether a path the guide names is an instance of a mapped path template. */
	static boolean matches(String named, String template) {
		String[] names = trim(named).split("/", -1);
		String[] templates = trim(template).split("/", -1);
		if (names.length != templates.length) {
			return false;
		}
		for (int i = 0; i < names.length; i++) {
			boolean variable = templates[i].startsWith("{") && templates[i].endsWith("}");
			if (placeholder(names[i]) ? !variable : !(variable || names[i].equals(templates[i]))) {
				return false;
			}
		}
		return true;
	}

	private static boolean placeholder(String segment) {
		return segment.startsWith("$") || segment.startsWith("<") || (segment.startsWith("{") && segment.endsWith("}"));
	}

	/** One mention of an admin API path in the guide. */
	record Mention(String method, String path) {

		boolean matches(String operation) {
			int space = operation.indexOf(' ');
			return ("ANY".equals(this.method) || this.method.equals(operation.substring(0, space)))
					&& SecurityOperationsGuideTests.matches(this.path, operation.substring(space + 1));
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
