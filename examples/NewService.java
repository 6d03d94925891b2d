import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.lang.model.SourceVersion;

/**
 * Makes a new department service from {@code examples/quickstart}: a copy outside this repository with the
 * department's client id, Java package, class names and a fresh development secret, its own Maven
 * wrapper, and a seed file that registers the client in a locally run Khyber Pass. Run it at the
 * repository root with the JDK alone (docs/onboarding.md, section 1):
 *
 * <pre>java examples/NewService.java fines-portal [--package pk.gov.kp.fines] [--name "Traffic Fines"] [--directory ../fines-portal]</pre>
 *
 * For a service that exists already, {@code --seed-only --directory <its folder>} writes only the seed
 * file there and prints the properties and the dependency to add.
 *
 * It refuses to leave any trace of the quickstart's names behind, so a change to the quickstart that it
 * does not know how to rename stops it instead of producing a half-renamed copy.
 */
public final class NewService {

	private static final Path QUICKSTART = Path.of("examples", "quickstart");

	private static final String QUICKSTART_PACKAGE = "pk.gov.kp.quickstart";

	private static final String QUICKSTART_SECRET = "quickstart-secret-for-development-only";

	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{2,99}");

	private static final Pattern SERVICE_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .,'()/-]{0,79}");

	private static final List<String> OPTIONS = List.of("--package", "--name", "--directory");

	private static final String SEED_ONLY = "--seed-only";

	private static final String SEED = "khyberpass-seed.yml";

	/** Spring Boot's own class names, which the service's main class would clash with. */
	private static final List<String> SPRING_BOOT_CLASSES = List.of("SpringApplication", "SpringBootApplication");

	private static final String STARTER = ".m2/repository/pk/gov/kp/khyberpass/khyberpass-spring-boot-starter";

	private static final String USAGE = """
			Usage, at the Khyber Pass repository root:
			  java examples/NewService.java <client-id> [--package <java.package>] [--name "<service name>"] [--directory <path>]
			  <client-id>    your service's client id: 3 to 100 letters, digits, dots, dashes or underscores, starting with a letter
			  --package      its Java package (default pk.gov.kp.<client id without punctuation>)
			  --name         its name, shown to citizens on the consent page (default from the client id)
			  --directory    where to create it, outside this repository (default ../<client-id>)
			  --seed-only    for a service you already have, in --directory: write only khyberpass-seed.yml
			                 there, and print the properties and the dependency to add
			  --help         this text""";

	private final String clientId;

	private final String javaPackage;

	private final String name;

	private final Path directory;

	private final String secret;

	private final boolean seedOnly;

	private NewService(String clientId, String javaPackage, String name, Path directory, String secret,
			boolean seedOnly) {
		this.clientId = clientId;
		this.javaPackage = javaPackage;
		this.name = name;
		this.directory = directory;
		this.secret = secret;
		this.seedOnly = seedOnly;
	}

	public static void main(String[] args) {
		if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
			System.out.println(USAGE);
			return;
		}
		try {
			NewService service = fromArguments(args);
			if (service.seedOnly) {
				service.createSeed();
				System.out.println(service.seedOnlySteps());
			}
			else {
				service.create();
				System.out.println(service.nextSteps());
			}
		}
		catch (UsageException ex) {
			System.err.println("new service: " + ex.getMessage());
			System.err.println();
			System.err.println(USAGE);
			System.exit(2);
		}
		catch (IOException | UncheckedIOException ex) {
			System.err.println("new service: could not write the service: " + ex.getMessage());
			System.exit(1);
		}
		catch (IllegalStateException ex) {
			System.err.println("new service: " + ex.getMessage());
			System.exit(1);
		}
	}

	static NewService fromArguments(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		List<String> positional = new ArrayList<>();
		boolean seedOnly = false;
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals(SEED_ONLY)) {
				seedOnly = true;
			}
			else if (args[i].startsWith("--")) {
				if (!OPTIONS.contains(args[i])) {
					throw new UsageException("unknown option " + args[i]);
				}
				if (i + 1 >= args.length) {
					throw new UsageException(args[i] + " needs a value");
				}
				options.put(args[i], args[++i]);
			}
			else {
				positional.add(args[i]);
			}
		}
		if (positional.size() != 1) {
			throw new UsageException("give exactly one client id");
		}
		if (!Files.isDirectory(QUICKSTART.resolve("src"))) {
			throw new UsageException("run this at the Khyber Pass repository root (examples/quickstart was not found in "
					+ Path.of("").toAbsolutePath() + ")");
		}
		String clientId = positional.get(0);
		if (!CLIENT_ID.matcher(clientId).matches()) {
			throw new UsageException("client id '" + clientId
					+ "' must be 3 to 100 letters, digits, dots, dashes or underscores, starting with a letter");
		}
		String mainClass = classPrefix(clientId) + "Application";
		if (SPRING_BOOT_CLASSES.contains(mainClass)) {
			throw new UsageException("client id '" + clientId + "' would name the main class " + mainClass
					+ ", which Spring Boot's own class of that name clashes with; choose another client id");
		}
		String javaPackage = options.getOrDefault("--package",
				"pk.gov.kp." + clientId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
		if (!SourceVersion.isName(javaPackage) || !javaPackage.equals(javaPackage.toLowerCase(Locale.ROOT))) {
			throw new UsageException("package '" + javaPackage
					+ "' is not a Java package name in lower case (like pk.gov.kp.fines)"
					+ (options.containsKey("--package") ? "" : "; choose one with --package"));
		}
		String name = options.getOrDefault("--name", words(clientId));
		if (!SERVICE_NAME.matcher(name).matches()) {
			throw new UsageException("name '" + name
					+ "' must be 1 to 80 letters, digits, spaces and . , ' ( ) / - (it goes into YAML and HTML as it is)");
		}
		Path directory = Path.of(options.getOrDefault("--directory", Path.of("..", clientId).toString()))
			.toAbsolutePath()
			.normalize();
		if (realPath(directory).startsWith(realPath(Path.of("").toAbsolutePath()))) {
			throw new UsageException(directory + " is inside the Khyber Pass repository; create your service outside it");
		}
		if (seedOnly) {
			if (!Files.isDirectory(directory)) {
				throw new UsageException(directory + " is not a directory; with --seed-only, --directory names the "
						+ "folder of the service you already have");
			}
			if (Files.exists(directory.resolve(SEED))) {
				throw new UsageException(directory.resolve(SEED) + " already exists; it is left as it is");
			}
		}
		else if (Files.exists(directory) && !isEmptyDirectory(directory)) {
			throw new UsageException(directory + " already exists and is not empty; choose another --directory"
					+ " (or, for a service you already have there, add --seed-only)");
		}
		return new NewService(clientId, javaPackage, name, directory, developmentSecret(), seedOnly);
	}

	/**
	 * Renames every file of the template first and writes only when all are renamed, so that a template
	 * this tool cannot rename leaves nothing behind.
	 */
	void create() throws IOException {
		Map<String, String> renames = renames();
		Map<Path, String> files = new LinkedHashMap<>();
		try (Stream<Path> sources = Files.walk(QUICKSTART)) {
			for (Path source : sources.filter(Files::isRegularFile).filter(NewService::belongsToTheTemplate).toList()) {
				Path relative = QUICKSTART.relativize(source);
				String text = Files.readString(source, StandardCharsets.UTF_8);
				files.put(target(relative), rename(text, renames, relative));
			}
		}
		for (Map.Entry<Path, String> file : files.entrySet()) {
			write(file.getKey(), file.getValue());
		}
		copyWrapper();
		write(this.directory.resolve(".gitignore"), "target/\n");
	}

	/** Writes only the seed file, for a service that exists already. */
	void createSeed() throws IOException {
		Path template = QUICKSTART.resolve(SEED);
		write(this.directory.resolve(SEED),
				rename(Files.readString(template, StandardCharsets.UTF_8), renames(), QUICKSTART.relativize(template)));
	}

	private Map<String, String> renames() {
		String classPrefix = classPrefix(this.clientId);
		Map<String, String> renames = new LinkedHashMap<>();
		renames.put("KHYBERPASS_SEED=file:$PWD/examples/quickstart/khyberpass-seed.yml", seedVariable());
		renames.put("At the repository root:", "At the Khyber Pass repository root:");
		renames.put(QUICKSTART_PACKAGE, this.javaPackage);
		renames.put("QuickstartApplication", classPrefix + "Application");
		renames.put("<groupId>pk.gov.kp.quickstart</groupId>", "<groupId>" + this.javaPackage + "</groupId>");
		renames.put("<artifactId>khyberpass-quickstart</artifactId>", "<artifactId>" + this.clientId + "</artifactId>");
		renames.put("<name>Khyber Pass quickstart</name>", "<name>" + this.name + "</name>");
		renames.put(QUICKSTART_SECRET, this.secret);
		renames.put("client-id: quickstart", "client-id: " + this.clientId);
		renames.put("Quickstart (local)", this.name + " (local)");
		renames.put("registers the quickstart's client", "registers this service's client");
		renames.put("<title>Quickstart</title>", "<title>" + this.name + "</title>");
		renames.put("The quickstart of docs/onboarding.md", "This service");
		return renames;
	}

	/**
	 * Replaces every name of the quickstart in one pass (so a replacement, which may contain the word
	 * quickstart when the department chose so, is never renamed again) and refuses a template that names
	 * the quickstart anywhere else.
	 */
	private static String rename(String text, Map<String, String> renames, Path file) {
		Pattern names = Pattern.compile(renames.keySet()
			.stream()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.map(Pattern::quote)
			.collect(Collectors.joining("|")));
		String unrenamed = names.matcher(text).replaceAll("");
		Matcher leftover = Pattern.compile("(?i)quickstart").matcher(unrenamed);
		if (leftover.find()) {
			int line = (int) unrenamed.substring(0, leftover.start() + 1).lines().count();
			throw new IllegalStateException("examples/quickstart/" + file + " line " + line
					+ " names the quickstart in a way this tool does not rename; update examples/NewService.java");
		}
		return names.matcher(text).replaceAll((name) -> Matcher.quoteReplacement(renames.get(name.group())));
	}

	private Path target(Path relative) {
		String path = relative.toString().replace('\\', '/');
		Map<String, String> renames = new LinkedHashMap<>();
		renames.put(QUICKSTART_PACKAGE.replace('.', '/'), this.javaPackage.replace('.', '/'));
		renames.put("QuickstartApplication", classPrefix(this.clientId) + "Application");
		return this.directory.resolve(rename(path, renames, relative));
	}

	private void copyWrapper() throws IOException {
		for (String file : List.of("mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties")) {
			Path target = this.directory.resolve(file);
			Files.createDirectories(target.getParent());
			Files.copy(Path.of(file), target);
		}
		this.directory.resolve("mvnw").toFile().setExecutable(true);
	}

	private static boolean belongsToTheTemplate(Path file) {
		String path = QUICKSTART.relativize(file).toString().replace('\\', '/');
		// The guide's own check compares docs/onboarding.md with this repository: it fails anywhere else.
		return !path.startsWith("target/") && !path.endsWith("/OnboardingGuideTests.java");
	}

	private static void write(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	String seedOnlySteps() {
		return """
				Wrote %s
				  client id %s, shown to citizens as "%s (local)", with a development secret of its own (for
				  your machine only). Its addresses are the starter's defaults on http://127.0.0.1:8080
				  (/login/khyberpass/callback, /logout/backchannel, /): edit them there if your service runs
				  on another port or paths. docs/onboarding.md, "A service you already have", says the rest.

				Add to your service's pom.xml:
				  <dependency>
				    <groupId>pk.gov.kp.khyberpass</groupId>
				    <artifactId>khyberpass-spring-boot-starter</artifactId>
				    <version>0.1.0-SNAPSHOT</version>
				  </dependency>
				and to its application.yml:
				  khyberpass:
				    issuer: http://localhost:9000
				    client-id: %s
				    client-secret: %s
				    post-logout-redirect-uri: http://127.0.0.1:8080/
				or, if it has application.properties instead:
				  khyberpass.issuer=http://localhost:9000
				  khyberpass.client-id=%s
				  khyberpass.client-secret=%s
				  khyberpass.post-logout-redirect-uri=http://127.0.0.1:8080/

				Then start Khyber Pass with your client registered, here at the repository root (%s):
				  %s
				Ready when it prints "Khyber Pass is running" and lists "Client %s"; then start your service and
				sign in as the demo citizen (%s).""".formatted(this.directory.resolve(SEED), this.clientId, this.name,
				this.clientId, this.secret, this.clientId, this.secret, Path.of("").toAbsolutePath(),
				khyberPassCommand(), this.clientId,
				demoCitizen());
	}

	private static boolean windows() {
		return System.getProperty("os.name", "").startsWith("Windows");
	}

	private String khyberPassCommand() {
		Path seed = this.directory.resolve(SEED);
		return windows() ? "$env:KHYBERPASS_SEED = '" + seed.toUri() + "'; .\\mvnw.cmd -pl auth-server spring-boot:run"
				: seedVariable() + " ./mvnw -pl auth-server spring-boot:run";
	}

	/** {@code KHYBERPASS_SEED=file:<the seed file>}, as one word for a POSIX shell. */
	private String seedVariable() {
		return "KHYBERPASS_SEED=" + shellWord("file:" + this.directory.resolve(SEED));
	}

	String nextSteps() {
		boolean windows = windows();
		String installSdk = windows ? ".\\mvnw.cmd -q -pl sdk/spring-boot-starter -am install -DskipTests"
				: "./mvnw -q -pl sdk/spring-boot-starter -am install -DskipTests";
		String sdkWarning = Files.isDirectory(Path.of(System.getProperty("user.home")).resolve(STARTER)) ? ""
				: "%nThe SDK is not in ~/.m2 yet: install it first, here at the repository root:%n  %s%n"
					.formatted(installSdk);
		String khyberPass = khyberPassCommand();
		String service = windows ? "cd '" + this.directory + "'; .\\mvnw.cmd spring-boot:run"
				: "cd " + shellWord(this.directory.toString()) + " && ./mvnw spring-boot:run";
		return """
				Created %s
				  service %s, Java package %s, client id %s (a development secret of its own is in
				  application.yml and khyberpass-seed.yml: for your machine only)
				%s
				Next, in two terminals%s:
				  1. Khyber Pass, with your client registered, here at the repository root (%s):
				       %s
				     Ready when it prints "Khyber Pass is running" and lists "Client %s".
				  2. Your service:
				       %s
				Then open http://127.0.0.1:8080/ and sign in as the demo citizen (%s).""".formatted(this.directory,
				this.name, this.javaPackage, this.clientId, sdkWarning, windows ? " (PowerShell)" : "",
				Path.of("").toAbsolutePath(), khyberPass, this.clientId, service, demoCitizen());
	}

	private String demoCitizen() {
		try {
			String seed = Files.readString(this.directory.resolve(SEED));
			Matcher cnic = Pattern.compile("cnic: (\\S+)").matcher(seed);
			Matcher password = Pattern.compile("password: (\\S+)").matcher(seed);
			return (cnic.find() && password.find()) ? "CNIC " + cnic.group(1) + ", password " + password.group(1)
					: "see khyberpass-seed.yml";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text as one word for a POSIX shell: as it is when safe, else in single quotes. */
	static String shellWord(String text) {
		return text.matches("[A-Za-z0-9_./:@%+=,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
	}

	static String words(String clientId) {
		StringBuilder words = new StringBuilder();
		for (String word : clientId.split("[._-]+")) {
			if (!word.isEmpty()) {
				words.append(words.length() > 0 ? " " : "")
					.append(Character.toUpperCase(word.charAt(0)))
					.append(word.substring(1));
			}
		}
		return words.toString();
	}

	static String classPrefix(String clientId) {
		return words(clientId).replace(" ", "");
	}

	private static String developmentSecret() {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		return "dev-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/**
	 * The path with symbolic links resolved as far as it exists, so that a link into this repository
	 * counts as inside it.
	 */
	private static Path realPath(Path path) {
		Path existing = path;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null) {
			return path;
		}
		try {
			return existing.toRealPath().resolve(existing.relativize(path)).normalize();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isEmptyDirectory(Path directory) {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.findAny().isEmpty();
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

}
