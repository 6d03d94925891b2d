package pk.gov.kp.khyberpass.sdk.servlet;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.Constants;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.scan.StandardJarScanner;

import pk.gov.kp.khyberpass.sdk.VerifiedAccessToken;

/**
 * A servlet application on an embedded Tomcat (random loopback port) whose every path is
 * served by one servlet echoing who the request is from, behind a
 * {@link KhyberPassFilter} mapped to {@code /*}; or one that registers its own filters
 * and servlets, in code or in a {@code web.xml}. Thread-safe.
 */
final class TestServletApplication implements AutoCloseable {

	/** Kept so the level holds: Tomcat's lifecycle chatter hides test failures. */
	private static final Logger TOMCAT_LOG = quiet(Logger.getLogger("org.apache"));

	private final Tomcat tomcat = new Tomcat();

	private TestServletApplication(Function<Tomcat, Context> setup) {
		try {
			File base = Files.createTempDirectory("khyberpass-servlet").toFile();
			base.deleteOnExit();
			this.tomcat.setBaseDir(base.getAbsolutePath());
			this.tomcat.setHostname("127.0.0.1");
			this.tomcat.setPort(0);
			this.tomcat.getConnector().setProperty("address", "127.0.0.1");
			Context context = setup.apply(this.tomcat);
			StandardManager manager = new StandardManager();
			manager.setPathname(null);
			context.setManager(manager);
			this.tomcat.start();
		}
		catch (IOException | LifecycleException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private TestServletApplication(FilterDef filter) {
		this((tomcat) -> {
			Context context = tomcat.addContext("", null);
			Tomcat.addServlet(context, "echo", new EchoServlet());
			context.addServletMappingDecoded("/", "echo");
			filter.setFilterName("khyberpass");
			context.addFilterDef(filter);
			FilterMap mapping = new FilterMap();
			mapping.setFilterName("khyberpass");
			mapping.addURLPattern("/*");
			context.addFilterMap(mapping);
			return context;
		});
	}

	/** Starts the application with this filter instance. */
	static TestServletApplication start(Filter filter) {
		FilterDef definition = new FilterDef();
		definition.setFilter(filter);
		definition.setFilterClass(filter.getClass().getName());
		return new TestServletApplication(definition);
	}

	/**
	 * Starts the application as {@code web.xml} would: the filter class with init-params.
	 */
	static TestServletApplication start(Map<String, String> initParameters) {
		FilterDef definition = new FilterDef();
		definition.setFilterClass(KhyberPassFilter.class.getName());
		initParameters.forEach(definition::addInitParameter);
		return new TestServletApplication(definition);
	}

	/**
	 * Starts an application that registers its filters and servlets itself at start-up,
	 * as Spring Boot's {@code ServletContextInitializer}s or a {@code @WebListener} do.
	 */
	static TestServletApplication start(ServletContainerInitializer initializer) {
		return new TestServletApplication((tomcat) -> {
			Context context = tomcat.addContext("", null);
			context.addServletContainerInitializer(initializer, null);
			return context;
		});
	}

	/**
	 * Starts an application described by this {@code WEB-INF/web.xml}, read by Tomcat's
	 * own deployment descriptor parser; it should say {@code metadata-complete="true"}.
	 */
	static TestServletApplication startWebXml(String webXml) {
		return new TestServletApplication((tomcat) -> {
			try {
				Path docBase = Files.createTempDirectory("khyberpass-webapp");
				Files.createDirectories(docBase.resolve("WEB-INF"));
				Files.writeString(docBase.resolve("WEB-INF/web.xml"), webXml);
				docBase.toFile().deleteOnExit();
				Context context = tomcat.addContext("", docBase.toString());
				((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
				ContextConfig config = new ContextConfig();
				config.setDefaultWebXml(Constants.NoDefaultWebXml);
				context.addLifecycleListener(config);
				return context;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private static Logger quiet(Logger logger) {
		logger.setLevel(Level.SEVERE);
		return logger;
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.tomcat.getConnector().getLocalPort() + path);
	}

	@Override
	public void close() {
		try {
			this.tomcat.stop();
			this.tomcat.destroy();
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Answers
	 * {@code user=<remote user>, auth=<auth type>, name=<display name>, token=<access token sub>}.
	 */
	private static final class EchoServlet extends HttpServlet {

		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
			String name = (request.getUserPrincipal() instanceof KhyberPassPrincipal principal)
					? principal.displayName().orElse("-") : "-";
			Object attribute = request.getAttribute(VerifiedAccessToken.class.getName());
			String token = (attribute instanceof VerifiedAccessToken verified) ? verified.subject() : "-";
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter()
				.print("user=" + request.getRemoteUser() + ", auth=" + request.getAuthType() + ", name=" + name
						+ ", token=" + token);
		}

	}

}
