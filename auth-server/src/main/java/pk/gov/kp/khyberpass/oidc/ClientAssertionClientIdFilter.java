package pk.gov.kp.khyberpass.oidc;

import java.io.IOException;
import java.text.ParseException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * RFC 7523 §3 makes {@code client_id} optional beside a {@code client_assertion}, but
 * Spring Authorization Server requires it. When it is missing, this supplies it from the
 * assertion's {@code sub} (unverified here; Spring then verifies the assertion's
 * signature with that client's registered keys and requires {@code iss} and {@code sub}
 * to equal the client id).
 */
final class ClientAssertionClientIdFilter extends OncePerRequestFilter {

	private static final String CLIENT_ID = "client_id";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getParameter("client_assertion") == null
				|| request.getParameter(CLIENT_ID) != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String subject = subject(request.getParameter("client_assertion"));
		chain.doFilter((subject != null) ? new WithClientId(request, subject) : request, response);
	}

	private static String subject(String assertion) {
		try {
			String subject = JWTParser.parse(assertion).getJWTClaimsSet().getSubject();
			return (subject != null && subject.matches("[A-Za-z0-9._-]{3,100}")) ? subject : null;
		}
		catch (ParseException ex) {
			return null;
		}
	}

	private static final class WithClientId extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		WithClientId(HttpServletRequest request, String clientId) {
			super(request);
			Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
			parameters.put(CLIENT_ID, new String[] { clientId });
			this.parameters = Collections.unmodifiableMap(parameters);
		}

		@Override
		public String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return (values != null && values.length > 0) ? values[0] : null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return this.parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return this.parameters.get(name);
		}

	}

}
