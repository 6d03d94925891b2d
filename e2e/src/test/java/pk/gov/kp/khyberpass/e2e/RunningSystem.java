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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The auth-server and the sample relying party started from their packaged jars as child processes on
 * free loopback ports, with a temporary seed (the sample's {@code khyberpass-seed.yml}, its port put in
 * place of 8080), an in-memory database, a throw-away master key and access tokens of
 * {@link #ACCESS_TOKEN_LIFETIME}. Logs go to {@code e2e/target/e2e-logs}.
 */
final class RunningSystem implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

	/**
	 * Access tokens live this long instead of five minutes, so the sample renews the citizen's with the
	 * refresh token within the run.
	 */
	static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(20);

	private final List<Process> processes = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	final int authPort;

	final int samplePort;

	final URI issuer;

	final URI sample;

	private RunningSystem(int authPort, int samplePort) {
		this.authPort = authPort;
		this.samplePort = samplePort;
		this.issuer = URI.create("http://localhost:" + authPort);
		this.sample = URI.create("http://127.0.0.1:" + samplePort);
	}

	/** The repository root: set by Failsafe, else the parent of the working directory. */
	static Path root() {
		String configured = System.getProperty("khyberpass.e2e.root");
		return ((configured != null) ? Path.of(configured) : Path.of("").toAbsolutePath().getParent()).normalize();
	}

	/** The executable jar built in a module's {@code target}, if packaged. */
	static Optional<Path> jar(String module) {
		Path target = root().resolve(module).resolve("target");
		if (!Files.isDirectory(target)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((path) -> path.getFileName().toString().matches("khyberpass-.*-SNAPSHOT\\.jar"))
				.findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	static RunningSystem start(Path authServerJar, Path sampleJar) throws IOException, InterruptedException {
		RunningSystem system = new RunningSystem(freePort(), freePort());
		try {
			system.launch(authServerJar, sampleJar);
			return system;
		}
		catch (IOException | InterruptedException | RuntimeException | Error ex) {
			system.close();
			throw ex;
		}
	}

	private void launch(Path authServerJar, Path sampleJar) throws IOException, InterruptedException {
		Path work = Files.createTempDirectory("khyberpass-e2e");
		work.toFile().deleteOnExit();
		Path seed = work.resolve("seed.yml");
		String template = Files.readString(root().resolve("sample-relying-party/khyberpass-seed.yml"));
		Files.writeString(seed, template.replace("127.0.0.1:8080", "127.0.0.1:" + this.samplePort));
		Path logs = root().resolve("e2e/target/e2e-logs");
		Files.createDirectories(logs);
		Process authServer = spawn(authServerJar, logs.resolve("auth-server.log"),
				Map.of("SERVER_PORT", Integer.toString(this.authPort), "KHYBERPASS_ISSUER", this.issuer.toString(),
						"KHYBERPASS_SEED", "file:" + seed),
				"--spring.datasource.url=jdbc:h2:mem:e2e;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"--khyberpass.keys.master-key-file=" + work.resolve("master.key"),
				"--khyberpass.seed-print-credentials=false",
				"--khyberpass.oidc.access-token-lifetime=" + ACCESS_TOKEN_LIFETIME.toSeconds() + "s",
				"--logging.level.pk.gov.kp=DEBUG");
		// The sample reads discovery lazily, so both can start together on this two-core machine.
		Process sampleApp = spawn(sampleJar, logs.resolve("sample-relying-party.log"), Map.of(),
				"--server.port=" + this.samplePort, "--khyberpass.issuer=" + this.issuer,
				"--logging.level.pk.gov.kp=DEBUG");
		waitForOk(authServer, this.issuer.resolve("/actuator/health"), "auth-server");
		waitForOk(sampleApp, this.sample.resolve("/css/mvr.css"), "sample relying party");
	}

	private Process spawn(Path jar, Path log, Map<String, String> environment, String... arguments)
			throws IOException {
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-Xmx384m", "-jar", jar.toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		this.processes.add(process);
		return process;
	}

	private void waitForOk(Process process, URI uri, String name) throws InterruptedException {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue()
						+ " during start-up; see e2e/target/e2e-logs");
			}
			try {
				HttpResponse<Void> response = this.http.send(
						HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
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
			process.descendants().forEach(ProcessHandle::destroy);
			process.destroy();
		}
		for (Process process : this.processes) {
			try {
				if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
