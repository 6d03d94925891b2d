package pk.gov.kp.khyberpass.admin;

import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import pk.gov.kp.khyberpass.oidc.ClientAlreadyRegisteredException;
import pk.gov.kp.khyberpass.oidc.ClientNotFoundException;
import pk.gov.kp.khyberpass.oidc.ClientSecretNotUsedException;
import pk.gov.kp.khyberpass.oidc.InvalidApiScopeException;
import pk.gov.kp.khyberpass.oidc.InvalidClientSettingException;

/**
 * The admin API's errors, all as RFC 9457 problems ({@code application/problem+json}); a
 * bad field is named in the {@code field} member so the console can point at it.
 */
@RestControllerAdvice(basePackageClasses = AdminProblemHandler.class)
final class AdminProblemHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail invalidField(InvalidFieldException ex) {
		return badField(ex.field(), ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidClientSetting(InvalidClientSettingException ex) {
		return badField(camelCase(ex.setting()), ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidApiScope(InvalidApiScopeException ex) {
		return badField(camelCase(ex.setting()), ex.getMessage());
	}

	@ExceptionHandler({ NotFoundException.class, ClientNotFoundException.class })
	ProblemDetail notFound(RuntimeException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler({ ConflictException.class, ClientAlreadyRegisteredException.class,
			ClientSecretNotUsedException.class })
	ProblemDetail conflict(RuntimeException ex) {
		return problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = (ex.getCause() instanceof JacksonException json) ? fieldOf(json) : "body";
		return ResponseEntity.badRequest()
			.body(badField(field, "The request body is missing or is not the expected JSON"));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException argument) ? argument.getName()
				: String.valueOf(ex.getPropertyName());
		return ResponseEntity.badRequest().body(badField(field, field + " has an invalid value"));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		return ResponseEntity.badRequest()
			.body(badField(ex.getParameterName(), ex.getParameterName() + " is required"));
	}

	/**
	 * The JSON path a parsing error points at, {@code redirectUris.0}, or {@code body}.
	 */
	static String fieldOf(JacksonException ex) {
		if (ex.getPath().isEmpty()) {
			return "body";
		}
		return ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: String.valueOf(reference.getIndex()))
			.collect(Collectors.joining("."));
	}

	static ProblemDetail badField(String field, @Nullable String message) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", message);
		problem.setProperty("field", field);
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	/** {@code redirect-uris} as the API names it, {@code redirectUris}. */
	static String camelCase(String kebab) {
		StringBuilder result = new StringBuilder();
		boolean upper = false;
		for (char c : kebab.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				result.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return result.toString();
	}

}
