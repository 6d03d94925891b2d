package pk.gov.kp.khyberpass.e2e;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The auth-server and a department's service started from their packaged jars as child
 * processes on free loopback ports: the auth-server with a temporary copy of the
 * department's seed (its port put in place of 8080), an in-memory database, a throw-away
 * master key and access tokens of {@link #ACCESS_TOKEN_LIFETIME}; the department told its
 * port, the issuer and, as its seed registers, its post-logout redirect URI. Each process
 * is killed when closed, when it does not start in time, or after {@link #LIFETIME} at
 * the latest. Logs go to {@code e2e/target/e2e-logs}.
 */
final class RunningSystem implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

	/** The longest any process started here may run, whatever happens to the test. */
	static final Duration LIFETIME = Duration.ofMinutes(20);

	/**
	 * Access tokens live this long instead of five minutes, so the sample renews the
	 * citizen's with the refresh token within the run.
	 */
	static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(20);

	private final List<Process> processes = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Path work;

	final int authPort;

	final int departmentPort;

	final URI issuer;

	/**
	 * The department's address, {@code http://127.0.0.1:<port>}, standing for the seed's
	 * 127.0.0.1:8080.
	 */
	final URI department;

	private RunningSystem(Path work, int authPort, int departmentPort) {
		this.work = work;
		this.authPort = authPort;
		this.departmentPort = departmentPort;
		this.issuer = URI.create("http://localhost:" + authPort);
		this.department = URI.create("http://127.0.0.1:" + departmentPort);
	}

	/**
	 * A department's service as this class starts it.
	 *
	 * @param name its name, for its log file
	 * @param jar its executable jar
	 * @param seed the seed that registers it at Khyber Pass, on http://127.0.0.1:8080
	 * @param readinessPath a path that answers 2xx or 3xx once it has started
	 * @param arguments arguments of its own, after those this class gives it
	 */
	record Department(String name, Path jar, Path seed, String readinessPath, List<String> arguments) {

		/**
		 * The Motor Vehicle Registration sample, packaged in
		 * {@code sample-relying-party/target}.
		 */
		static Department sample(Path jar) {
			return new Department("sample-relying-party", jar,
					root().resolve("sample-relying-party/khyberpass-seed.yml"), "/css/mvr.css",
					List.of("--logging.level.pk.gov.kp=DEBUG"));
		}

	}

	/** The repository root: set by Failsafe, else the parent of the working directory. */
	static Path root() {
		String configured = System.getProperty("khyberpass.e2e.root");
		return ((configured != null) ? Path.of(configured) : Path.of("").toAbsolutePath().getParent()).normalize();
	}

	/** The executable jar built in a module's {@code target}, if packaged. */
	static Optional<Path> jar(String module) {
		return jar(root().resolve(module));
	}

	/** The executable jar built in a Maven project's {@code target}, if packaged. */
	static Optional<Path> jar(Path project) {
		Path target = project.resolve("target");
		if (!Files.isDirectory(target)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((path) -> path.getFileName().toString().matches(".*-SNAPSHOT\\.jar")).findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Skips the calling test class with one line naming what is missing, or fails it when
	 * {@code KHYBERPASS_IT_REQUIRED=true} (as CI sets).
	 */
	static void skipOrFail(String missing) {
		if ("true".equalsIgnoreCase(System.getenv("KHYBERPASS_IT_REQUIRED"))) {
			throw new IllegalStateException("End-to-end tests required but cannot run: " + missing);
		}
		System.out.println("Skipping the end-to-end tests: " + missing);
		Assumptions.abort(missing);
	}

	static RunningSystem start(Path authServerJar, Department department) throws IOException, InterruptedException {
		Path work = Files.createTempDirectory("khyberpass-e2e");
		RunningSystem system = new RunningSystem(work, freePort(), freePort());
		try {
			system.launch(authServerJar, department);
			return system;
		}
		catch (IOException | InterruptedException | RuntimeException | Error ex) {
			system.close();
			throw ex;
		}
	}

	private void launch(Path authServerJar, Department department) throws IOException, InterruptedException {
		Path seed = this.work.resolve("seed.yml");
		String template = Files.readString(department.seed());
		Files.writeString(seed, template.replace("127.0.0.1:8080", "127.0.0.1:" + this.departmentPort));
		Path logs = Command.logs();
		Process authServer = spawn(authServerJar, logs.resolve(department.name() + ".auth-server.log"),
				Map.of("SERVER_PORT", Integer.toString(this.authPort), "KHYBERPASS_ISSUER", this.issuer.toString(),
						"KHYBERPASS_SEED", "file:" + seed),
				List.of("--spring.datasource.url=jdbc:h2:mem:e2e;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
						"--khyberpass.keys.master-key-file=" + this.work.resolve("master.key"),
						"--khyberpass.seed-print-credentials=false",
						"--khyberpass.oidc.access-token-lifetime=" + ACCESS_TOKEN_LIFETIME.toSeconds() + "s",
						"--logging.level.pk.gov.kp=DEBUG"));
		// Departments read discovery lazily, so both can start together on this two-core
		// machine.
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=" + this.departmentPort, "--khyberpass.issuer=" + this.issuer,
						"--khyberpass.post-logout-redirect-uri=" + this.department + "/"));
		arguments.addAll(department.arguments());
		Process departmentApp = spawn(department.jar(), logs.resolve(department.name() + ".log"), Map.of(), arguments);
		waitForAnswer(authServer, this.issuer.resolve("/actuator/health"), "auth-server");
		waitForAnswer(departmentApp, this.department.resolve(department.readinessPath()), department.name());
	}

	private Process spawn(Path jar, Path log, Map<String, String> environment, List<String> arguments)
			throws IOException {
		List<String> command = new ArrayList<>(List.of(Command.java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-Xmx384m", "-jar", jar.toString()));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		this.processes.add(process);
		CompletableFuture.delayedExecutor(LIFETIME.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
			if (process.isAlive()) {
				System.err.println(jar.getFileName() + " still running after " + LIFETIME + ": killed");
				process.destroyForcibly();
			}
		});
		return process;
	}

	private void waitForAnswer(Process process, URI uri, String name) throws InterruptedException {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						name + " exited with " + process.exitValue() + " during start-up; see e2e/target/e2e-logs");
			}
			try {
				HttpResponse<Void> response = this.http.send(
						HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() >= 200 && response.statusCode() < 400) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(name + " did not answer " + uri + " within " + START_TIMEOUT);
	}

	/** Sends a request to either application. */
	HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		for (Process process : this.processes) {
			try {
				Command.kill(process);
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
		// The work directory holds the master key and the seed's secrets.
		try (Stream<Path> files = Files.walk(this.work)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			System.err.println("Could not delete " + this.work + ": " + ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	static boolean executable(String path) {
		File file = new File(path);
		return file.isFile() && file.canExecute();
	}

}
