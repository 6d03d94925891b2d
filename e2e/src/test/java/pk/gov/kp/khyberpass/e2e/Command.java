package pk.gov.kp.khyberpass.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command run to its end as a child process, as a developer would type it in a new
 * terminal: killed with its descendants when it outlasts its time limit, its output
 * (standard error merged) in a log of {@code e2e/target/e2e-logs}.
 */
final class Command {

	private Command() {
	}

	/**
	 * Runs the command and waits for it.
	 * @param directory its working directory
	 * @param timeout how long it may take before it is killed and this method throws
	 * @param log the log's file name in {@code e2e/target/e2e-logs}
	 * @param command the program and its arguments
	 * @return its exit status and output
	 * @throws IllegalStateException if it did not finish in time
	 */
	static Finished run(Path directory, Duration timeout, String log, List<String> command)
			throws IOException, InterruptedException {
		Path logFile = logs().resolve(log);
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(logFile.toFile());
		// Set by the Maven running these tests; a new terminal has neither.
		builder.environment().remove("MAVEN_PROJECTBASEDIR");
		builder.environment().remove("MAVEN_CMD_LINE_ARGS");
		Process process = builder.start();
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			kill(process);
			throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
					+ " and was killed; see " + logFile);
		}
		return new Finished(process.exitValue(), Files.readString(logFile, StandardCharsets.UTF_8), logFile);
	}

	/**
	 * Ends the process and its descendants, forcibly if they do not stop within ten
	 * seconds.
	 */
	static void kill(Process process) throws InterruptedException {
		List<ProcessHandle> descendants = process.descendants().toList();
		descendants.forEach(ProcessHandle::destroy);
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
		}
		descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

	/** The directory of the end-to-end tests' logs, created if needed. */
	static Path logs() throws IOException {
		return Files.createDirectories(RunningSystem.root().resolve("e2e/target/e2e-logs"));
	}

	/** The {@code java} launcher of the JVM running these tests. */
	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * A command that has finished.
	 *
	 * @param exitStatus its exit status
	 * @param output what it printed, standard output and error together
	 * @param log where that output is kept
	 */
	record Finished(int exitStatus, String output, Path log) {

		/** Fails with the end of the output unless the command exited with status 0. */
		Finished assertSucceeded() {
			if (this.exitStatus != 0) {
				String tail = this.output.substring(Math.max(0, this.output.length() - 3000));
				throw new AssertionError("exited with " + this.exitStatus + " (log " + this.log + "):\n" + tail);
			}
			return this;
		}

	}

}
